import type { RetentionEstimate } from "@/app/lib/optimizer/retention-simulation";
import { estimateAt, perDay } from "./retention-figures";

const width = 340;
const height = 170;
const left = 44;
const right = 12;
const top = 12;
const bottom = 36;

/** A round top for the reviews axis, close above the highest point: 1, 2, 3, 4, 5, 6, 8 or 10 times a power of ten. */
function roundUp(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 3, 4, 5, 6, 8, 10].find((step) => step * power >= value) ?? 10) * power;
}

/**
 * Average reviews a day (y) against desired retention (x), the saved setting marked with a ring and
 * the value being typed with a dashed line. Drawn as inline SVG: a chart library would load on
 * /settings for one line; the table beside it carries the same figures for screen readers.
 */
export function RetentionChart({
  estimates,
  saved,
  selected,
}: {
  estimates: readonly RetentionEstimate[];
  saved: number;
  selected: number;
}) {
  const first = estimates[0]!.retention;
  const last = estimates.at(-1)!.retention;
  const top_ = roundUp(Math.max(...estimates.map((e) => e.reviewsPerDay)));
  const x = (retention: number) =>
    left + ((retention - first) / (last - first || 1)) * (width - left - right);
  const y = (reviews: number) => top + (1 - reviews / top_) * (height - top - bottom);
  const points = estimates
    .map((e) => `${x(e.retention).toFixed(1)},${y(e.reviewsPerDay).toFixed(1)}`)
    .join(" ");
  const mark = estimateAt(estimates, saved);
  const typed = selected !== saved ? estimateAt(estimates, selected) : null;
  const ticks = [first, 0.8, 0.9, last].filter((tick, index, all) => all.indexOf(tick) === index);

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-md text-stone-600 dark:text-stone-400"
      role="img"
      aria-labelledby="retention-chart-title"
    >
      <title id="retention-chart-title">
        {`Average reviews a day for retention ${first.toFixed(2)} to ${last.toFixed(2)}: from ${perDay(estimates[0]!.reviewsPerDay)} to ${perDay(estimates.at(-1)!.reviewsPerDay)}.`}
      </title>
      {[0, top_ / 2, top_].map((value) => (
        <g key={value}>
          <line
            x1={left}
            x2={width - right}
            y1={y(value)}
            y2={y(value)}
            className="stroke-stone-200 dark:stroke-stone-700"
          />
          <text x={left - 6} y={y(value) + 4} textAnchor="end" fontSize={11} fill="currentColor">
            {perDay(value)}
          </text>
        </g>
      ))}
      {ticks.map((tick) => (
        <text
          key={tick}
          x={x(tick)}
          y={height - bottom + 16}
          textAnchor="middle"
          fontSize={11}
          fill="currentColor"
        >
          {tick.toFixed(2)}
        </text>
      ))}
      <text
        x={(left + width - right) / 2}
        y={height - 4}
        textAnchor="middle"
        fontSize={11}
        fill="currentColor"
      >
        Desired retention
      </text>
      <text
        x={4}
        y={top + 2}
        fontSize={11}
        fill="currentColor"
        dominantBaseline="hanging"
        transform={`rotate(-90 4 ${top + 2})`}
        textAnchor="end"
      >
        Reviews a day
      </text>
      <polyline
        points={points}
        fill="none"
        strokeWidth={2}
        className="stroke-indigo-700 dark:stroke-indigo-300"
      />
      {estimates.map((e) => (
        <circle
          key={e.retention}
          cx={x(e.retention)}
          cy={y(e.reviewsPerDay)}
          r={2.5}
          className="fill-indigo-700 dark:fill-indigo-300"
        />
      ))}
      {typed && (
        <line
          x1={x(typed.retention)}
          x2={x(typed.retention)}
          y1={top}
          y2={height - bottom}
          strokeDasharray="4 3"
          className="stroke-amber-700 dark:stroke-amber-300"
        />
      )}
      {typed && (
        <text
          x={x(typed.retention) + (typed.retention > (first + last) / 2 ? -4 : 4)}
          y={top + 8}
          textAnchor={typed.retention > (first + last) / 2 ? "end" : "start"}
          fontSize={11}
          className="fill-amber-800 dark:fill-amber-300"
        >
          {typed.retention.toFixed(2)}
        </text>
      )}
      {mark && (
        <g>
          <circle
            cx={x(mark.retention)}
            cy={y(mark.reviewsPerDay)}
            r={6}
            fill="none"
            strokeWidth={2}
            className="stroke-emerald-700 dark:stroke-emerald-300"
          />
          <text
            x={x(mark.retention)}
            y={y(mark.reviewsPerDay) - 10}
            textAnchor={mark.retention > (first + last) / 2 ? "end" : "start"}
            fontSize={11}
            className="fill-emerald-800 dark:fill-emerald-300"
          >
            Yours: {mark.retention.toFixed(2)}
          </text>
        </g>
      )}
    </svg>
  );
}
