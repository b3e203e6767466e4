"use client";

import { useEffect } from "react";

/** Unexpected failures (database down, a bug): say so plainly and offer a retry. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="rounded-xl border border-red-300 bg-red-50 p-6 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2">The page could not be shown. Your saved grades are safe.</p>
      {error.digest ? <p className="mt-1 font-mono text-sm">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-4 min-h-11 rounded-lg bg-red-800 px-5 font-semibold text-white hover:bg-red-900 dark:bg-red-300 dark:text-red-950"
      >
        Try again
      </button>
    </section>
  );
}
