"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { getOptimizationStatus, startOptimization } from "@/app/lib/actions/optimize-parameters";
import type { OptimizeStatus } from "@/app/lib/actions/optimize-jobs";

const pollMs = 500;
const number = (value: number, digits = 4) => value.toFixed(digits);

/**
 * The Optimize button, the training progress (polled from the server while a job runs) and the
 * outcome: reviews used, log loss and RMSE before -> after, and the 21 parameters.
 */
export function OptimizePanel({
  defaults,
  parameters,
  initialStatus,
}: {
  defaults: boolean;
  parameters: number[];
  initialStatus: OptimizeStatus;
}) {
  const [status, setStatus] = useState<OptimizeStatus>(initialStatus);
  const [offline, setOffline] = useState(false);
  const running = status.state === "running";
  const router = useRouter();
  const adopted = status.state === "done" && !status.kept;

  // New parameters change what the page shows elsewhere (the retention estimate): re-read it.
  useEffect(() => {
    if (adopted) router.refresh();
  }, [adopted, router]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      getOptimizationStatus().then(
        (next) => {
          setOffline(false);
          setStatus(next);
        },
        () => setOffline(true),
      );
    }, pollMs);
    return () => clearInterval(timer);
  }, [running]);

  async function optimize() {
    setStatus({ state: "running", progress: 0 });
    try {
      setStatus(await startOptimization());
      setOffline(false);
    } catch {
      setStatus({
        state: "failed",
        message: "The server could not be reached. Check the connection and try again.",
      });
    }
  }

  const inUse = status.state === "done" ? status.parameters : parameters;
  const trainedInUse = status.state === "done" ? !status.kept || !defaults : !defaults;

  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        In use: {trainedInUse ? "parameters trained on your reviews" : "the default parameters"}.
      </p>
      <button
        type="button"
        onClick={optimize}
        disabled={running}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {running ? "Optimizing…" : "Optimize"}
      </button>

      <div role="status" aria-live="polite" className="space-y-2 text-sm">
        {running && (
          <>
            {/* fsrs-rs reports progress only on long histories; until it does, the bar is indeterminate. */}
            <p>Training on your reviews…{status.progress > 0 && ` ${Math.round(status.progress * 100)}%`}</p>
            <progress
              value={status.progress > 0 ? status.progress : undefined}
              max={1}
              aria-label="Training progress"
              className="h-2 w-full max-w-md accent-indigo-700"
            />
            {offline && (
              <p className="text-amber-800 dark:text-amber-300">Lost touch with the server; still trying.</p>
            )}
          </>
        )}
        {(status.state === "too-few" || status.state === "failed") && (
          <p className="text-red-700 dark:text-red-300">{status.message}</p>
        )}
        {status.state === "done" && <Outcome status={status} />}
      </div>

      <details className="text-sm">
        <summary className="cursor-pointer font-medium">The 21 parameters in use</summary>
        <ParameterTable inUse={inUse} previous={status.state === "done" ? status.previous : null} />
      </details>
    </div>
  );
}

function Outcome({ status }: { status: Extract<OptimizeStatus, { state: "done" }> }) {
  return (
    <>
      <p
        className={
          status.kept ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300"
        }
      >
        {status.kept
          ? `Kept your previous parameters because ${status.reason ?? "the new ones were not better."}`
          : "Saved: grading now uses the parameters trained on your reviews."}
      </p>
      <table className="text-left tabular-nums">
        <caption className="sr-only">How well each set of parameters predicts your reviews</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 font-medium">
              On {status.reviews.toLocaleString("en")} reviews of {status.cards.toLocaleString("en")} cards
            </th>
            <th scope="col" className="pr-4 font-medium">
              Before
            </th>
            <th scope="col" className="font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="pr-4 font-normal">
              Log loss (lower is better)
            </th>
            <td className="pr-4">{number(status.before.logLoss)}</td>
            <td>{number(status.after.logLoss)}</td>
          </tr>
          <tr>
            <th scope="row" className="pr-4 font-normal">
              RMSE (lower is better)
            </th>
            <td className="pr-4">{number(status.before.rmseBins)}</td>
            <td>{number(status.after.rmseBins)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

function ParameterTable({ inUse, previous }: { inUse: number[]; previous: number[] | null }) {
  return (
    <table className="mt-2 text-left tabular-nums">
      <thead>
        <tr>
          <th scope="col" className="pr-4 font-medium">
            Parameter
          </th>
          {previous && (
            <th scope="col" className="pr-4 font-medium">
              Before
            </th>
          )}
          <th scope="col" className="font-medium">
            In use
          </th>
        </tr>
      </thead>
      <tbody>
        {inUse.map((value, index) => (
          <tr key={index}>
            <th scope="row" className="pr-4 font-normal">
              w{index}
            </th>
            {previous && <td className="pr-4">{number(previous[index] ?? Number.NaN)}</td>}
            <td>{number(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
