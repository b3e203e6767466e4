import "server-only";
import { localUserId } from "@/app/lib/auth/local-learner";
import { createBackup } from "@/app/lib/backup/create-backup";
import { restoreBackup, type RestoreCounts } from "@/app/lib/backup/restore-backup";
import { getDb } from "@/app/lib/db";
import type { Attachment } from "./attachment";

/** The local learner's backup as a JSON download named after the day it was made. */
export async function getBackupDownload(now: Date): Promise<Attachment> {
  const { prisma } = await getDb();
  // A learner who has not graded anything yet has no row; back up their decks all the same.
  await prisma.user.upsert({
    where: { id: localUserId },
    update: {},
    create: { id: localUserId, name: "Local learner" },
  });
  const backup = await createBackup(prisma, localUserId, now);
  return {
    fileName: `notecards-backup-${now.toISOString().slice(0, 10)}.json`,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(backup),
  };
}

/** Restores an uploaded backup's text; throws BackupError (nothing stored) when it is refused. */
export async function restoreUploadedBackup(text: string): Promise<RestoreCounts> {
  const { prisma } = await getDb();
  return restoreBackup(prisma, text);
}
