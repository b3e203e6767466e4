"use client";

import { useId, useState, type FormEvent } from "react";
import { formatMegabytes } from "@/app/lib/upload-limits";

export type UploadOutcome = { ok: true; message: string } | { ok: false; message: string };

/**
 * One file chosen and sent as the body of a POST (uploads here can exceed the 1 MB a Server Action
 * accepts). A file over `maxBytes` (the route's own limit) is refused before sending. The outcome is
 * announced in a polite live region.
 */
export function UploadForm({
  label,
  accept,
  submitLabel,
  maxBytes,
  upload,
}: {
  label: string;
  accept: string;
  submitLabel: string;
  maxBytes: number;
  upload: (file: File) => Promise<UploadOutcome>;
}) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setOutcome({ ok: false, message: "Choose a file first." });
      return;
    }
    if (file.size > maxBytes) {
      setOutcome({
        ok: false,
        message: `${file.name} is ${formatMegabytes(file.size)}, more than the ${formatMegabytes(maxBytes)} this server accepts.`,
      });
      return;
    }
    setPending(true);
    setOutcome(null);
    try {
      setOutcome(await upload(file));
    } catch {
      setOutcome({
        ok: false,
        message: "The upload did not reach the server. Check the connection and try again.",
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div>
        <label htmlFor={id} className="mb-1 block font-medium">
          {label}
        </label>
        <input
          id={id}
          type="file"
          accept={accept}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-stone-100 dark:file:border-stone-700 dark:file:bg-stone-900 dark:file:text-stone-100 dark:hover:file:bg-stone-800"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {pending ? "Working…" : submitLabel}
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {outcome && (
          <p
            className={
              outcome.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-300"
            }
          >
            {outcome.message}
          </p>
        )}
      </div>
    </form>
  );
}
