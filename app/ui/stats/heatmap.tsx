import type { DayActivity } from "@/app/lib/stats";
import { plural } from "@/app/lib/study/format";
import { longDayLabel, weekday } from "./labels";

// Five shades, empty to busiest; dark mode runs the scale the other way so busy days stay bright.
const levels = [
  "fill-stone-200 dark:fill-stone-800",
  "fill-emerald-200 dark:fill-emerald-900",
  "fill-emerald-400 dark:fill-emerald-700",
  "fill-emerald-600 dark:fill-emerald-500",
  "fill-emerald-800 dark:fill-emerald-300",
];

const cell = 10;
const gap = 2;

function level(reviews: number, busiest: number): number {
  if (reviews === 0 || busiest === 0) return 0;
  return Math.min(4, Math.ceil((reviews / busiest) * 4));
}

/**
 * A year of study days as a calendar: one column per week (Monday on top), one square per day,
 * darker the more reviews. The SVG scales to the page's width; its label gives the totals.
 */
export function Heatmap({ days }: { days: DayActivity[] }) {
  const first = days[0];
  if (!first) return null;
  const offset = weekday(first.date);
  const weeks = Math.ceil((days.length + offset) / 7);
  const busiest = Math.max(0, ...days.map((day) => day.reviews));
  const studied = days.filter((day) => day.reviews > 0).length;
  const total = days.reduce((sum, day) => sum + day.reviews, 0);
  const width = weeks * (cell + gap);
  const height = 7 * (cell + gap);
  return (
    <svg
      role="img"
      aria-label={`${plural(total, "review")} on ${studied} of the last ${days.length} days; busiest day ${plural(busiest, "review")}.`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full"
    >
      {days.map((day, index) => {
        const position = index + offset;
        return (
          <rect
            key={day.date}
            data-date={day.date}
            data-reviews={day.reviews}
            x={Math.floor(position / 7) * (cell + gap)}
            y={(position % 7) * (cell + gap)}
            width={cell}
            height={cell}
            rx={2}
            className={levels[level(day.reviews, busiest)]}
          >
            <title>{`${longDayLabel(day.date)}: ${plural(day.reviews, "review")}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** The heatmap's key: the five shades from none to the busiest day. */
export function HeatmapKey() {
  return (
    <p className="mt-2 flex items-center gap-1 text-xs text-stone-600 dark:text-stone-400">
      Less
      <svg aria-hidden="true" width={5 * (cell + gap)} height={cell}>
        {levels.map((shade, index) => (
          <rect key={index} x={index * (cell + gap)} width={cell} height={cell} rx={2} className={shade} />
        ))}
      </svg>
      More
    </p>
  );
}
