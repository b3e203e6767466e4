"use client";

import { Suspense, use } from "react";
import type { RetentionEstimates } from "@/app/lib/data/retention-estimate";
import { RetentionChart } from "./retention-chart";
import { perDay, tradeOff } from "./retention-figures";

type Props = {
  estimates: Promise<RetentionEstimates | null>;
  saved: number;
  selected: number;
};

/** The estimate with a line saying it is on its way, for the moments the simulation runs. */
export function StreamedRetentionEstimate(props: Props) {
  return (
    <Suspense
      fallback={
        <p role="status" className="text-sm text-stone-600 dark:text-stone-400">
          Estimating the reviews each retention asks for…
        </p>
      }
    >
      <RetentionEstimate {...props} />
    </Suspense>
  );
}

/**
 * Beside desired retention: what each retention would cost in reviews a day over the coming
 * months, from a simulation of the learner's own cards (streamed in; the form does not wait for it).
 * `selected` is the value in the field, so the sentence follows what the learner types.
 */
export function RetentionEstimate({ estimates, saved, selected }: Props) {
  const result = use(estimates);
  if (!result)
    return (
      <p className="text-sm text-stone-600 dark:text-stone-400">
        The estimate of reviews for each retention could not be made just now; reload the page to try again.
      </p>
    );
  if (result.cardsTotal === 0)
    return (
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Once you have cards to study, an estimate of the reviews each retention asks for appears here.
      </p>
    );

  const { estimates: rows, days } = result;
  const line = tradeOff(rows, selected, days);
  return (
    <figure aria-labelledby="retention-estimate-caption" className="space-y-2">
      <figcaption id="retention-estimate-caption" className="text-sm">
        <span className="font-medium">Reviews a day over the next {days} days, for each retention</span>
        <span className="block text-stone-600 dark:text-stone-400">
          Simulated on {result.sampled ? `a sample of ${result.cardsSimulated.toLocaleString("en")} of ` : ""}
          {result.oneDeck ? "this deck's" : "your"} {result.cardsTotal.toLocaleString("en")} cards (new ones
          at {result.oneDeck ? "its" : "each deck's"} daily rate) with{" "}
          {result.ownParameters ? "the parameters trained on your reviews" : "the default parameters"}, each
          card reviewed on its due day.
        </span>
      </figcaption>
      <p aria-live="polite" className="text-sm text-stone-700 dark:text-stone-300">
        {line}
      </p>
      <RetentionChart estimates={rows} saved={saved} selected={selected} />
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">The estimate as a table</summary>
        <table className="mt-2 text-left tabular-nums">
          <thead>
            <tr>
              <th scope="col" className="pr-4 font-medium">
                Retention
              </th>
              <th scope="col" className="pr-4 font-medium">
                Reviews a day
              </th>
              <th scope="col" className="font-medium">
                Cards recalled after {days} days
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.retention}>
                <th scope="row" className="pr-4 font-normal">
                  {row.retention.toFixed(2)}
                  {Math.abs(row.retention - saved) < 1e-9 ? " (yours)" : ""}
                </th>
                <td className="pr-4">{perDay(row.reviewsPerDay)}</td>
                <td>{Math.round(row.recalledAtEnd).toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
