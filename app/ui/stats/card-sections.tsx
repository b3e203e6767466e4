import type { Stats } from "@/app/lib/data/stats";
import { plural } from "@/app/lib/study/format";
import { StatsBarChart, type Tone } from "./bar-chart";
import { ChartFigure, DataTable } from "./chart-figure";
import { dayLabel, longDayLabel, percent } from "./labels";

function Distribution({
  id,
  title,
  caption,
  bins,
  tone,
  head,
}: {
  id: string;
  title: string;
  caption: string;
  bins: { label: string; count: number }[];
  tone: Tone;
  head: string;
}) {
  return (
    <ChartFigure
      id={id}
      title={title}
      caption={caption}
      chart={<StatsBarChart tone={tone} data={bins.map((bin) => ({ label: bin.label, value: bin.count }))} />}
      table={<DataTable head={[head, "Cards"]} rows={bins.map((bin) => [bin.label, bin.count])} />}
    />
  );
}

/** Forecast, cards by state and the memory distributions. */
export function CardSections({ stats }: { stats: Stats }) {
  const { cards, memory, forecast } = stats;
  const due = forecast.reduce((sum, day) => sum + day.due, 0);
  const stateRows = [
    { label: "New", value: cards.new, tone: "sky" as const },
    { label: "Learning", value: cards.learning, tone: "orange" as const },
    { label: "Review", value: cards.review, tone: "emerald" as const },
    { label: "Relearning", value: cards.relearning, tone: "red" as const },
    { label: "Suspended", value: cards.suspended, tone: "amber" as const },
  ];
  const total = stateRows.reduce((sum, row) => sum + row.value, 0);
  const parameters = stats.trainedParameters ? "your trained parameters" : "FSRS's default parameters";
  return (
    <>
      <ChartFigure
        id="forecast"
        title="Due in the next 30 days"
        caption={`${plural(due, "review")} due, ${forecast[0]?.due ?? 0} of them today (overdue cards included).`}
        chart={
          <StatsBarChart
            tone="emerald"
            data={forecast.map((day) => ({ label: dayLabel(day.date), value: day.due }))}
          />
        }
        table={
          <DataTable
            head={["Day", "Due"]}
            rows={forecast.filter((day) => day.due > 0).map((day) => [longDayLabel(day.date), day.due])}
          />
        }
      />
      <ChartFigure
        id="states"
        title="Cards by state"
        caption={
          stateRows.map((row) => `${row.label} ${row.value}`).join(", ") + ` (${plural(total, "card")}).`
        }
        chart={total === 0 ? undefined : <StatsBarChart data={stateRows} />}
      />
      <Distribution
        id="stability"
        title="Stability"
        caption={`How many days each of ${plural(memory.cards, "studied card")} takes to fall to 90% recall.`}
        bins={memory.stability}
        tone="indigo"
        head="Stability"
      />
      <Distribution
        id="difficulty"
        title="Difficulty"
        caption="FSRS's difficulty, from 1 (easiest) to 10 (hardest)."
        bins={memory.difficulty}
        tone="orange"
        head="Difficulty"
      />
      <Distribution
        id="recall"
        title="Probability of recall now"
        caption={`Average ${percent(memory.meanRetrievability)}, from ${parameters}.`}
        bins={memory.retrievability}
        tone="emerald"
        head="Recall"
      />
    </>
  );
}
