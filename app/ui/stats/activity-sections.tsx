import Link from "next/link";
import type { Stats } from "@/app/lib/data/stats";
import { answerButtons } from "@/app/lib/stats";
import { formatDuration, plural } from "@/app/lib/study/format";
import { StatsBarChart } from "./bar-chart";
import { ChartFigure, DataTable } from "./chart-figure";
import { Heatmap, HeatmapKey } from "./heatmap";
import { dayLabel, longDayLabel, minutes, percent } from "./labels";

export const ranges = [30, 90, 365] as const;
export type Range = (typeof ranges)[number];

/** 30 / 90 / 365 days, as links so the page works without JavaScript and the address can be shared. */
function RangeLinks({ range, href }: { range: Range; href: (range: Range) => string }) {
  return (
    <nav aria-label="Days shown" className="mt-3 flex gap-2 text-sm">
      {ranges.map((option) => (
        <Link
          key={option}
          href={href(option)}
          aria-current={option === range ? "page" : undefined}
          className={`inline-flex min-h-11 items-center rounded-lg border px-3 ${
            option === range
              ? "border-indigo-700 bg-indigo-700 text-white dark:border-indigo-300 dark:bg-indigo-300 dark:text-stone-950"
              : "border-stone-300 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
          }`}
        >
          {option} days
        </Link>
      ))}
    </nav>
  );
}

/** The heatmap, reviews and time per day, the answer buttons and the retention table. */
export function ActivitySections({
  stats,
  range,
  rangeHref,
}: {
  stats: Stats;
  range: Range;
  rangeHref: (range: Range) => string;
}) {
  const shown = stats.days.slice(-range);
  const studied = stats.days.filter((day) => day.reviews > 0);
  const reviews = shown.reduce((sum, day) => sum + day.reviews, 0);
  const time = shown.reduce((sum, day) => sum + day.durationMs, 0);
  const activeDays = shown.filter((day) => day.reviews > 0).length;
  const buttons = answerButtons(shown);
  const pressed = buttons.again + buttons.hard + buttons.good + buttons.easy;
  const buttonRows = [
    { label: "Again", value: buttons.again, tone: "red" as const },
    { label: "Hard", value: buttons.hard, tone: "amber" as const },
    { label: "Good", value: buttons.good, tone: "emerald" as const },
    { label: "Easy", value: buttons.easy, tone: "sky" as const },
  ];
  return (
    <>
      <ChartFigure
        id="calendar"
        title="The past year"
        caption={`${plural(studied.length, "day")} studied out of ${stats.days.length}.`}
        chart={
          <>
            <Heatmap days={stats.days} />
            <HeatmapKey />
          </>
        }
        table={
          studied.length === 0 ? undefined : (
            <DataTable
              head={["Day", "Reviews"]}
              rows={studied.map((day) => [longDayLabel(day.date), day.reviews]).reverse()}
            />
          )
        }
      />
      <ChartFigure
        id="reviews"
        title="Reviews per day"
        caption={`${plural(reviews, "review")} in the last ${range} days, on ${plural(activeDays, "day")}; ${
          activeDays > 0 ? `${Math.round(reviews / activeDays)} a day studied on average.` : "none yet."
        }`}
        chart={
          <StatsBarChart data={shown.map((day) => ({ label: dayLabel(day.date), value: day.reviews }))} />
        }
        table={
          <DataTable
            head={["Day", "Reviews", "Time"]}
            rows={shown
              .filter((day) => day.reviews > 0)
              .map((day) => [longDayLabel(day.date), day.reviews, formatDuration(day.durationMs)])
              .reverse()}
          />
        }
      >
        <RangeLinks range={range} href={rangeHref} />
      </ChartFigure>
      <ChartFigure
        id="time"
        title="Time per day (minutes)"
        caption={`${formatDuration(time)} spent in the last ${range} days${
          reviews > 0 ? `, ${formatDuration(time / reviews)} a card on average` : ""
        }.`}
        chart={
          <StatsBarChart
            tone="sky"
            unit="min"
            data={shown.map((day) => ({ label: dayLabel(day.date), value: minutes(day.durationMs) }))}
          />
        }
      />
      <ChartFigure
        id="buttons"
        title="Answer buttons"
        caption={
          pressed === 0
            ? `No grades in the last ${range} days.`
            : `In the last ${range} days: ${buttonRows
                .map((row) => `${row.label} ${row.value} (${percent(row.value / pressed, 0)})`)
                .join(", ")}.`
        }
        chart={pressed === 0 ? undefined : <StatsBarChart data={buttonRows} />}
      />
      <ChartFigure
        id="retention"
        title="True retention"
        caption="How often you recalled cards in review: young cards have an interval under 21 days, mature ones 21 days or more."
      >
        <div className="mt-3 overflow-x-auto">
          <DataTable
            head={["Period", "Young", "Mature", "All"]}
            rows={stats.retention.map((row) => [
              row.period,
              ...[row.young, row.mature, row.total].map((cell) =>
                cell.rate === null ? "—" : `${percent(cell.rate)} of ${cell.passed + cell.failed}`,
              ),
            ])}
          />
        </div>
      </ChartFigure>
    </>
  );
}
