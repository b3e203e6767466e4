"use client";

import { useRouter } from "next/navigation";
import { backupMaxBytes } from "@/app/lib/upload-limits";
import { readUploadResponse } from "./read-upload-response";
import { UploadForm } from "./upload-form";

/** Restores a backup file into this (empty) database. */
export function RestoreBackupForm() {
  const router = useRouter();
  return (
    <UploadForm
      label="Backup file (.json)"
      accept=".json,application/json"
      submitLabel="Restore backup"
      maxBytes={backupMaxBytes}
      upload={async (file) => {
        const response = await fetch("/api/backup", {
          method: "POST",
          body: file,
          headers: { "Content-Type": "application/json" },
        });
        const result = await readUploadResponse<{
          error?: string;
          counts?: { decks: number; cards: number; reviewLogs: number };
        }>(response);
        if (!response.ok || !result.counts)
          return { ok: false, message: result.error ?? "The backup could not be restored." };
        router.refresh();
        const { decks, cards, reviewLogs } = result.counts;
        return { ok: true, message: `Restored ${decks} decks, ${cards} cards and ${reviewLogs} reviews.` };
      }}
    />
  );
}
