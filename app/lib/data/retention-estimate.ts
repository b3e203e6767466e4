/**
 * The figures beside desired retention on /settings: the learner's cards and new-card rates, read
 * once, simulated for each candidate retention (app/lib/optimizer/retention-simulation.ts). One
 * retention takes ~10-40 ms on 5,000 cards, so the loop hands the event loop back between them,
 * and the last result is kept per learner until their cards, settings or the day change.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db } from "@/app/lib/database/client";
import {
  planSimulation,
  retentionsWith,
  type NewCardPool,
  type RetentionSimulation,
  type SimulatedCard,
} from "@/app/lib/optimizer/retention-simulation";
import { resolveDeckSettings, stepsOf } from "@/app/lib/settings";
import { getDecksOverridesWith, getLearnerSettingsWith } from "./settings-read";

export interface RetentionEstimates extends RetentionSimulation {
  /** The learner's desired retention, marked in the chart. */
  current: number;
  /** True when the learner's own trained parameters were used. */
  ownParameters: boolean;
}

const dayMs = 86_400_000;
const cache = ((
  globalThis as unknown as { notecardsRetentionEstimates?: Map<string, Cached> }
).notecardsRetentionEstimates ??= new Map());
interface Cached {
  key: string;
  result: RetentionEstimates;
}

/** Cards in study: not retired, in a deck neither trashed nor missing, not suspended. */
const inStudy = (userId: string) => ({
  retiredAt: null,
  deck: { deletedAt: null, missingAt: null },
  marks: { none: { userId, suspendedAt: { not: null } } },
});

async function readCards(prisma: Db, userId: string, now: Date): Promise<SimulatedCard[]> {
  const rows = await prisma.cardState.findMany({
    where: { userId, state: { not: 0 }, card: inStudy(userId) },
    select: { stability: true, difficulty: true, due: true, last_review: true },
  });
  return rows.map((row) => ({
    stability: row.stability,
    difficulty: row.difficulty,
    dueInDays: (row.due.getTime() - now.getTime()) / dayMs,
    elapsedDays: row.last_review ? Math.max(0, (now.getTime() - row.last_review.getTime()) / dayMs) : 0,
  }));
}

async function readNewCards(
  prisma: Db,
  userId: string,
  newPerDay: (deckId: string) => number,
): Promise<NewCardPool[]> {
  const rows = await prisma.card.groupBy({
    by: ["deckId"],
    where: { ...inStudy(userId), states: { none: { userId, state: { not: 0 } } } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ count: row._count._all, perDay: newPerDay(row.deckId) }));
}

/** Reviews per day and cards recalled after 90 days for desired retention 0.70-0.97 (see above). */
export async function getRetentionEstimatesWith(
  prisma: Db,
  userId: string,
  now: Date,
): Promise<RetentionEstimates> {
  const { settings } = await getLearnerSettingsWith(prisma, userId);
  const [cards, overrides] = await Promise.all([
    readCards(prisma, userId, now),
    prisma.deck
      .findMany({ where: { deletedAt: null, missingAt: null }, select: { id: true } })
      .then((decks) =>
        getDecksOverridesWith(
          prisma,
          userId,
          decks.map((deck) => deck.id),
        ),
      ),
  ]);
  const newCards = await readNewCards(
    prisma,
    userId,
    (deckId) => resolveDeckSettings(settings, overrides.get(deckId) ?? null).newPerDay,
  );
  const input = {
    cards,
    newCards,
    parameters: settings.fsrsParameters,
    learningSteps: stepsOf(settings.learningSteps).length,
    relearningSteps: stepsOf(settings.relearningSteps).length,
  };
  const retentions = retentionsWith(settings.desiredRetention);
  // Cards move day by day, so the same collection on the same day gives the same figures.
  const key = JSON.stringify([
    Math.floor(now.getTime() / dayMs),
    cards.length,
    cards.reduce((sum, card) => sum + card.stability + card.dueInDays * 1e-3, 0).toFixed(0),
    newCards,
    retentions,
    input.parameters,
    input.learningSteps,
    input.relearningSteps,
  ]);
  const cached = cache.get(userId);
  if (cached?.key === key) return cached.result;

  const { run, ...plan } = planSimulation(input);
  const estimates = [];
  for (const retention of retentions) {
    await nextTurn();
    estimates.push(run(retention));
  }
  const result: RetentionEstimates = {
    ...plan,
    estimates,
    current: settings.desiredRetention,
    ownParameters: settings.fsrsParameters !== null,
  };
  cache.set(userId, { key, result });
  return result;
}
