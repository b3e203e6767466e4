/**
 * The figures beside desired retention on /settings: the learner's cards and new-card rates, read
 * once, simulated for each candidate retention (app/lib/optimizer/retention-simulation.ts). All of
 * them take 0.2-0.4 s on a busy machine (`npm run bench:retention`), so the simulation runs in
 * slices of ten simulated days (under ~10 ms each) and hands the event loop back between them; the
 * page streams the result in. The last result is kept per learner and deck until their cards,
 * settings or the day change.
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
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { getReversedDeckIdsWith, studiedCardsWhere } from "./quiz-mode";
import { getDecksOverridesWith, getLearnerSettingsWith } from "./settings-read";

export interface RetentionEstimates extends RetentionSimulation {
  /** The learner's desired retention, marked in the chart. */
  current: number;
  /** True when the learner's own trained parameters were used. */
  ownParameters: boolean;
  /** True when only one deck's cards were simulated (its options page). */
  oneDeck: boolean;
}

const dayMs = 86_400_000;
const cache = ((
  globalThis as unknown as { notecardsRetentionEstimates?: Map<string, Cached> }
).notecardsRetentionEstimates ??= new Map());
interface Cached {
  key: string;
  result: RetentionEstimates;
}

/**
 * What changes when the learner's cards do: a grade or undo (card states), an import (cards), a
 * suspend (marks), a deck trashed or gone (decks). Four aggregates, not a read of every card.
 */
async function collectionFingerprint(prisma: Db, userId: string) {
  const [states, cards, marks, decks] = await Promise.all([
    prisma.cardState.aggregate({ where: { userId }, _count: { _all: true }, _max: { updatedAt: true } }),
    prisma.card.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    prisma.cardMark.aggregate({ where: { userId }, _count: { _all: true }, _max: { updatedAt: true } }),
    prisma.deck.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  return [states, cards, marks, decks].map((row) => [row._count._all, row._max.updatedAt?.getTime() ?? 0]);
}

/** Decks whose cards the learner studies: theirs or shared, neither trashed nor missing. */
function studiedDeck(userId: string) {
  return { deletedAt: null, missingAt: null, ...visibleDeckWhere(userId) };
}

/**
 * Cards in study (of one deck, or all): not retired, in a deck the learner may see neither trashed
 * nor missing, not suspended, and reverse cards only in the decks the learner studies both ways.
 */
const inStudy = (userId: string, reversedDeckIds: string[], deckId?: string) => ({
  retiredAt: null,
  ...(deckId ? { deckId } : {}),
  deck: studiedDeck(userId),
  marks: { none: { userId, suspendedAt: { not: null } } },
  ...studiedCardsWhere(reversedDeckIds),
});

async function readCards(
  prisma: Db,
  userId: string,
  now: Date,
  reversedDeckIds: string[],
  deckId?: string,
): Promise<SimulatedCard[]> {
  const rows = await prisma.cardState.findMany({
    where: { userId, state: { not: 0 }, card: inStudy(userId, reversedDeckIds, deckId) },
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
  reversedDeckIds: string[],
  deckId?: string,
): Promise<NewCardPool[]> {
  const rows = await prisma.card.groupBy({
    by: ["deckId"],
    where: { ...inStudy(userId, reversedDeckIds, deckId), states: { none: { userId, state: { not: 0 } } } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ count: row._count._all, perDay: newPerDay(row.deckId) }));
}

/**
 * Reviews per day and cards recalled after 90 days for desired retention 0.70-0.97 (see above): of
 * all the learner's cards with their settings, or of one deck's with its options (`deckId`).
 */
export async function getRetentionEstimatesWith(
  prisma: Db,
  userId: string,
  now: Date,
  deckId?: string,
): Promise<RetentionEstimates> {
  const learner = (await getLearnerSettingsWith(prisma, userId)).settings;
  const [overrides, fingerprint] = await Promise.all([
    prisma.deck
      .findMany({
        where: { ...(deckId ? { id: deckId } : {}), ...studiedDeck(userId) },
        select: { id: true },
      })
      .then((decks) =>
        getDecksOverridesWith(
          prisma,
          userId,
          decks.map((deck) => deck.id),
        ),
      ),
    collectionFingerprint(prisma, userId),
  ]);
  // Cards move day by day, so the same collection and settings on the same day give the same figures.
  // Decks with a settings row are the only ones that can be studied both ways.
  const reversedDeckIds = await getReversedDeckIdsWith(prisma, [...overrides.keys()], userId);
  const key = JSON.stringify([
    Math.floor(now.getTime() / dayMs),
    learner,
    [...overrides],
    reversedDeckIds,
    fingerprint,
  ]);
  const slot = `${userId}:${deckId ?? ""}`;
  const cached = cache.get(slot);
  if (cached?.key === key) return cached.result;

  const settings = deckId ? resolveDeckSettings(learner, overrides.get(deckId) ?? null) : learner;
  const [cards, newCards] = await Promise.all([
    readCards(prisma, userId, now, reversedDeckIds, deckId),
    readNewCards(
      prisma,
      userId,
      (id) => resolveDeckSettings(learner, overrides.get(id) ?? null).newPerDay,
      reversedDeckIds,
      deckId,
    ),
  ]);
  const input = {
    cards,
    newCards,
    parameters: settings.fsrsParameters,
    learningSteps: stepsOf(settings.learningSteps).length,
    relearningSteps: stepsOf(settings.relearningSteps).length,
  };
  const retentions = retentionsWith(settings.desiredRetention);
  const plan = planSimulation(input);
  const estimates = [];
  for (const retention of retentions) {
    const slices = plan.slices(retention);
    for (let step = slices.next(); ; step = slices.next()) {
      if (step.done) {
        estimates.push(step.value);
        break;
      }
      await nextTurn();
    }
  }
  const result: RetentionEstimates = {
    days: plan.days,
    cardsTotal: plan.cardsTotal,
    cardsSimulated: plan.cardsSimulated,
    sampled: plan.sampled,
    estimates,
    current: settings.desiredRetention,
    ownParameters: settings.fsrsParameters !== null,
    oneDeck: deckId !== undefined,
  };
  // One entry per learner and deck visited; a bound in case a collection has thousands of decks.
  if (cache.size >= 200) cache.delete(cache.keys().next().value!);
  cache.set(slot, { key, result });
  return result;
}
