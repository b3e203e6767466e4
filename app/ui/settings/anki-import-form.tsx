"use client";

import { useRouter } from "next/navigation";
import { ankiPackageMaxBytes } from "@/app/lib/upload-limits";
import { readUploadResponse } from "./read-upload-response";
import { UploadForm } from "./upload-form";

interface AnkiImportResponse {
  error?: string;
  slug?: string;
  title?: string;
  counts?: { new: number; updated: number; retired: number; unchanged: number };
  history?: { reviews: number };
  unknownNotes?: { count: number; noteTypes: string[] };
}

/** Imports an Anki package as a deck (cards, review history, media) and opens it. */
export function AnkiImportForm() {
  const router = useRouter();
  return (
    <UploadForm
      label="Anki package (.apkg)"
      accept=".apkg,.colpkg"
      submitLabel="Import package"
      maxBytes={ankiPackageMaxBytes}
      upload={async (file) => {
        const response = await fetch(`/api/anki?fileName=${encodeURIComponent(file.name)}`, {
          method: "POST",
          body: file,
        });
        const result = await readUploadResponse<AnkiImportResponse>(response);
        if (!response.ok || !result.slug)
          return { ok: false, message: result.error ?? "The package could not be imported." };
        const skipped = result.unknownNotes?.count
          ? ` ${result.unknownNotes.count} notes of unknown types were skipped.`
          : "";
        router.push(`/decks/${result.slug}`);
        return {
          ok: true,
          message: `Imported ${result.title}: ${result.counts?.new ?? 0} new cards, ${result.history?.reviews ?? 0} reviews.${skipped}`,
        };
      }}
    />
  );
}
