import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getStats, getStatsDeck } from "@/app/lib/data/stats";
import { formatDuration, plural } from "@/app/lib/study/format";
import { ActivitySections, ranges, type Range } from "@/app/ui/stats/activity-sections";
import { CardSections } from "@/app/ui/stats/card-sections";

export const metadata: Metadata = { title: "Stats" };

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const statsQuerySchema = z.object({
  deck: z.preprocess(first, z.string().min(1).max(200).optional()).catch(undefined),
  days: z
    .preprocess(
      (value) => Number(first(value)),
      z.union(ranges.map((range) => z.literal(range)) as [z.ZodLiteral<Range>, ...z.ZodLiteral<Range>[]]),
    )
    .catch(30),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatsPage({ searchParams }: Props) {
  await connection();
  const query = statsQuerySchema.parse(await searchParams);
  const viewer = await requireViewer(query.deck ? `/stats?deck=${encodeURIComponent(query.deck)}` : "/stats");
  // Another learner's private deck is not found, as one that never existed.
  const deck = query.deck ? await getStatsDeck(viewer.userId, query.deck) : null;
  if (query.deck && !deck) notFound();
  const stats = await getStats(viewer.userId, deck?.id ?? null);
  const today = stats.days.at(-1);
  const href = (range: Range) => {
    const params = new URLSearchParams();
    if (deck) params.set("deck", deck.slug);
    if (range !== 30) params.set("days", String(range));
    const search = params.toString();
    return `/stats${search ? `?${search}` : ""}#reviews-heading`;
  };
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{deck ? `Stats: ${deck.title}` : "Stats"}</h1>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        {deck ? (
          <>
            One deck.{" "}
            <Link href="/stats" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
              All decks
            </Link>{" "}
            ·{" "}
            <Link
              href={`/decks/${deck.slug}`}
              className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            >
              Back to the deck
            </Link>
          </>
        ) : (
          "All decks."
        )}{" "}
        A study day starts at {String(stats.dayStartHour).padStart(2, "0")}:00, {stats.timeZone} time.
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Summary">
        {[
          ["Today", plural(today?.reviews ?? 0, "review")],
          ["Time today", formatDuration(today?.durationMs ?? 0)],
          ["Streak", plural(stats.streak.current, "day")],
          ["Longest streak", plural(stats.streak.longest, "day")],
        ].map(([term, value]) => (
          <div
            key={term}
            className="rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
          >
            <dt className="text-xs text-stone-600 dark:text-stone-400">{term}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`summary-${term}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 grid gap-6">
        <ActivitySections stats={stats} range={query.days} rangeHref={href} />
        <CardSections stats={stats} />
      </div>
    </>
  );
}
