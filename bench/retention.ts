/**
 * `npm run bench:retention`: how long the retention estimate on /settings takes (app/lib/optimizer/
 * retention-simulation.ts) for collections of 1,000, 10,000 and 100,000 started cards (plus a deck
 * of new cards at 20 a day). Prints the whole run (11 retentions), the longest slice (ten simulated
 * days: the longest the server's event loop is held, as app/lib/data/retention-estimate.ts yields
 * between slices), whether the cards were sampled, and at 10,000 cards how far the sampled figure
 * lies from simulating every card.
 */
import {
  candidateRetentions,
  planSimulation,
  type SimulatedCard,
} from "@/app/lib/optimizer/retention-simulation";

/** A seeded collection in mid-study: stabilities from 1 day to about a year, due within them. */
function collection(size: number, seed = 7): SimulatedCard[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: size }, () => {
    const stability = Math.exp(random() * Math.log(365));
    const elapsedDays = random() * stability;
    return { stability, difficulty: 1 + random() * 9, elapsedDays, dueInDays: stability - elapsedDays - 2 };
  });
}

const newCards = [{ count: 2_000, perDay: 20 }];
const settings = { parameters: null, learningSteps: 2, relearningSteps: 1, newCards };

function timed(cards: SimulatedCard[], maxCards?: number) {
  const started = performance.now();
  const plan = planSimulation({ ...settings, cards, ...(maxCards ? { maxCards } : {}) });
  let longest = 0;
  const estimates = candidateRetentions.map((retention) => {
    const slices = plan.slices(retention);
    for (;;) {
      const begun = performance.now();
      const step = slices.next();
      longest = Math.max(longest, performance.now() - begun);
      if (step.done) return step.value;
    }
  });
  return { plan, estimates, total: performance.now() - started, longest };
}

console.log("Retention estimate: 90 days, 11 retentions 0.70-0.97, new cards 20 a day (2,000 waiting)\n");
console.log("started cards | simulated | total ms | longest slice ms | reviews/day at 0.80 / 0.90 / 0.95");
const at = (estimates: { retention: number; reviewsPerDay: number }[], retention: number) =>
  estimates.find((e) => e.retention === retention)!.reviewsPerDay.toFixed(0);
for (const size of [1_000, 10_000, 100_000]) {
  const cards = collection(size);
  timed(cards); // warm-up
  const { plan, estimates, total, longest } = timed(cards);
  console.log(
    `${size.toLocaleString("en").padStart(13)} | ${`${plan.cardsSimulated.toLocaleString("en")}${plan.sampled ? " (sample)" : ""}`.padStart(16)} | ${total.toFixed(0).padStart(8)} | ${longest.toFixed(1).padStart(16)} | ${at(estimates, 0.8)} / ${at(estimates, 0.9)} / ${at(estimates, 0.95)}`,
  );
}

const tenThousand = collection(10_000);
const sampled = timed(tenThousand).estimates;
const full = timed(tenThousand, 20_000);
console.log(`\nEvery one of 10,000 cards simulated: ${full.total.toFixed(0)} ms.`);
for (const retention of [0.8, 0.9, 0.95]) {
  const a = Number(at(sampled, retention));
  const b = Number(at(full.estimates, retention));
  console.log(
    `  at ${retention.toFixed(2)}: sample ${a} vs all ${b} reviews/day (${((100 * (a - b)) / b).toFixed(1)}%)`,
  );
}

// The whole read behind /settings on real databases: 10,000 studied cards and 2,000 new ones.
const { createTestDatabase, testProviders } = await import("@/test/helpers/databases");
const { getRetentionEstimatesWith } = await import("@/app/lib/data/retention-estimate");
console.log("\n/settings estimate, read + simulate, 10,000 studied cards + 2,000 new:");
for (const provider of testProviders) {
  const db = await createTestDatabase(provider);
  try {
    const now = new Date();
    await db.prisma.user.create({ data: { id: "bench", name: "Bench" } });
    const deck = await db.prisma.deck.create({ data: { slug: "bench", title: "Bench" } });
    const states = collection(10_000);
    for (let i = 0; i < 12_000; i += 2_000) {
      await db.prisma.card.createMany({
        data: Array.from({ length: 2_000 }, (_, j) => ({
          id: `c${i + j}`,
          deckId: deck.id,
          key: `k${i + j}`,
          kind: "basic",
          front: `Q${i + j}`,
          back: "A",
          line: i + j + 1,
        })),
      });
    }
    for (let i = 0; i < states.length; i += 2_000) {
      await db.prisma.cardState.createMany({
        data: states.slice(i, i + 2_000).map((card, j) => ({
          userId: "bench",
          cardId: `c${i + j}`,
          deckId: deck.id,
          due: new Date(now.getTime() + card.dueInDays * 86_400_000),
          stability: card.stability,
          difficulty: card.difficulty,
          elapsed_days: Math.round(card.elapsedDays),
          scheduled_days: Math.round(card.stability),
          learning_steps: 0,
          reps: 3,
          lapses: 0,
          state: 2,
          last_review: new Date(now.getTime() - card.elapsedDays * 86_400_000),
        })),
      });
    }
    const timedCall = async (at: Date) => {
      const begun = performance.now();
      await getRetentionEstimatesWith(db.prisma, "bench", at);
      return (performance.now() - begun).toFixed(0);
    };
    const cold = await timedCall(now);
    const warm = await timedCall(new Date(now.getTime() + 86_400_000));
    const cached = await timedCall(new Date(now.getTime() + 86_400_000));
    console.log(`  ${provider}: first ${cold} ms, next day ${warm} ms, unchanged ${cached} ms`);
  } finally {
    await db.destroy();
  }
}
