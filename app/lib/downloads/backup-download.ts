import "server-only";
import type { Viewer } from "@/app/lib/auth/viewer";
import { ensureUser } from "@/app/lib/actions/grading";
import { createBackup } from "@/app/lib/backup/create-backup";
import { restoreBackup, type RestoreCounts } from "@/app/lib/backup/restore-backup";
import { getDb } from "@/app/lib/db";
import type { Attachment } from "./attachment";

/** The viewer's backup as a JSON download named after the day it was made. */
export async function getBackupDownload(viewer: Viewer, now: Date): Promise<Attachment> {
  const { prisma } = await getDb();
  // The local learner has no row until their first grade; back up their decks all the same.
  await ensureUser(prisma, viewer.userId);
  const backup = await createBackup(prisma, viewer.userId, now);
  return {
    fileName: `notecards-backup-${now.toISOString().slice(0, 10)}.json`,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(backup),
  };
}

/** Restores an uploaded backup's text into the viewer; throws BackupError (nothing stored) when refused. */
export async function restoreUploadedBackup(viewer: Viewer, text: string): Promise<RestoreCounts> {
  const { prisma } = await getDb();
  return restoreBackup(prisma, text, viewer);
}
