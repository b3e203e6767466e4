/**
 * Everything the stats page shows, for all of a learner's decks or one: a year of daily activity
 * (heatmap, reviews and time, retention table, buttons, streak), the 30-day forecast, cards by state
 * and the memory distributions. Five aggregate reads in parallel; the shaping is app/lib/stats.
 */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import {
  answerButtons,
  dailyActivity,
  dayGrid,
  dueForecast,
  memoryDistributions,
  retentionTable,
  streak,
  type CardCounts,
  type DayActivity,
  type MemoryDistributions,
  type RetentionRow,
  type Streak,
} from "@/app/lib/stats";
import { getLearnerSettingsWith } from "../settings-read";
import { getCardCountsWith, getDueDaysWith, getMemoryRowsWith } from "./card-reads";
import { getReviewDaysWith, type StatsScope } from "./review-days";

/** Days the page reads back: the heatmap's year. */
export const historyDays = 365;
export const forecastDays = 30;

export interface Stats {
  /** One entry per study day, oldest first, the last one today. */
  days: DayActivity[];
  forecast: { date: string; due: number }[];
  retention: RetentionRow[];
  buttons: { again: number; hard: number; good: number; easy: number };
  streak: Streak;
  cards: CardCounts;
  memory: MemoryDistributions;
  /** True when the learner's trained parameters drive the recall figures. */
  trainedParameters: boolean;
  timeZone: string;
  dayStartHour: number;
}

export async function getStatsWith(
  db: { prisma: Db; provider: Provider },
  scope: StatsScope,
  now: Date,
): Promise<Stats> {
  const { settings } = await getLearnerSettingsWith(db.prisma, scope.userId);
  const past = dayGrid(now, settings.timeZone, settings.dayStartHour, historyDays);
  const coming = dayGrid(now, settings.timeZone, settings.dayStartHour, forecastDays, true);
  const [reviewDays, dueDays, cards, memoryRows] = await Promise.all([
    getReviewDaysWith(db, scope, past),
    getDueDaysWith(db, scope, coming),
    getCardCountsWith(db.prisma, scope),
    getMemoryRowsWith(db.prisma, scope),
  ]);
  const days = dailyActivity(reviewDays, past);
  return {
    days,
    forecast: dueForecast(dueDays, coming),
    retention: retentionTable(days),
    buttons: answerButtons(days),
    streak: streak(days),
    cards,
    memory: memoryDistributions(memoryRows, now, settings.fsrsParameters),
    trainedParameters: settings.fsrsParameters !== null,
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
  };
}
