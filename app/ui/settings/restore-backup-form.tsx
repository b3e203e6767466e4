"use client";

import { useRouter } from "next/navigation";
import { UploadForm } from "./upload-form";

/** Restores a backup file into this (empty) database. */
export function RestoreBackupForm() {
  const router = useRouter();
  return (
    <UploadForm
      label="Backup file (.json)"
      accept=".json,application/json"
      submitLabel="Restore backup"
      upload={async (file) => {
        const response = await fetch("/api/backup", {
          method: "POST",
          body: file,
          headers: { "Content-Type": "application/json" },
        });
        const result = (await response.json()) as {
          error?: string;
          counts?: { decks: number; cards: number; reviewLogs: number };
        };
        if (!response.ok || !result.counts)
          return { ok: false, message: result.error ?? "The backup could not be restored." };
        router.refresh();
        const { decks, cards, reviewLogs } = result.counts;
        return { ok: true, message: `Restored ${decks} decks, ${cards} cards and ${reviewLogs} reviews.` };
      }}
    />
  );
}
