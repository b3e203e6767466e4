"use client";

/**
 * A small bar chart drawn with recharts, the one chart library; only the stats page imports this
 * file, so the study page's JavaScript does not carry it. Hidden from assistive technology: every
 * chart sits beside a table or caption with the same figures.
 */
import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Tone = "indigo" | "emerald" | "sky" | "amber" | "red" | "orange" | "stone";

// Tailwind's 600 shades on light, 400 on dark: readable on either background.
const palette: Record<Tone, [light: string, dark: string]> = {
  indigo: ["#4f46e5", "#818cf8"],
  emerald: ["#059669", "#34d399"],
  sky: ["#0284c7", "#38bdf8"],
  amber: ["#d97706", "#fbbf24"],
  red: ["#dc2626", "#f87171"],
  orange: ["#ea580c", "#fb923c"],
  stone: ["#57534e", "#a8a29e"],
};

const darkQuery = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(darkQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function useDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(darkQuery).matches,
    () => false,
  );
}

const noSubscription = () => () => {};

/**
 * False on the server and while hydrating. The app's CSP refuses style attributes in server HTML,
 * and recharts sizes itself with them, so the chart is drawn only in the browser, where React sets
 * styles through the DOM (which CSP allows).
 */
function useMounted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export interface BarDatum {
  label: string;
  value: number;
  /** Colours this bar alone (the answer buttons). */
  tone?: Tone;
}

export function StatsBarChart({
  data,
  tone = "indigo",
  unit = "",
}: {
  data: BarDatum[];
  tone?: Tone;
  /** Appended to values in the tooltip ("min"). */
  unit?: string;
}) {
  const dark = useDark();
  const mounted = useMounted();
  const colour = (name: Tone) => palette[name][dark ? 1 : 0];
  const ink = dark ? "#d6d3d1" : "#44403c";
  const grid = dark ? "#44403c" : "#e7e5e4";
  return (
    <div aria-hidden="true" className="h-44 w-full">
      {mounted ? (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke={grid} />
            <XAxis
              dataKey="label"
              tick={{ fill: ink, fontSize: 11 }}
              stroke={grid}
              interval="preserveStartEnd"
              minTickGap={16}
            />
            <YAxis tick={{ fill: ink, fontSize: 11 }} stroke={grid} allowDecimals={false} />
            <Tooltip
              cursor={{ fill: grid, opacity: 0.5 }}
              formatter={(value) => [`${value}${unit ? ` ${unit}` : ""}`, ""]}
              separator=""
              contentStyle={{
                background: dark ? "#1c1917" : "#ffffff",
                borderColor: grid,
                color: ink,
                fontSize: 12,
              }}
              labelStyle={{ color: ink }}
            />
            <Bar dataKey="value" fill={colour(tone)} isAnimationActive={false} radius={[2, 2, 0, 0]}>
              {data.map((datum, index) => (
                <Cell key={index} fill={colour(datum.tone ?? tone)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
