import { BackupError } from "@/app/lib/backup/schema";
import { attachmentResponse } from "@/app/lib/downloads/attachment";
import { getBackupDownload, restoreUploadedBackup } from "@/app/lib/downloads/backup-download";

export const dynamic = "force-dynamic";

// Backups hold every review ever made: far past the 1 MB a Server Action accepts, so the upload
// comes here as the request body.
const maxBackupBytes = 200 * 1024 * 1024;

/** Downloads the local learner's backup (JSON). */
export async function GET(): Promise<Response> {
  return attachmentResponse(await getBackupDownload(new Date()));
}

/** Restores a backup (the JSON file as the body) into an empty database. */
export async function POST(request: Request): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBackupBytes)
    return Response.json(
      { error: "That file is larger than 200 MB: not a backup of this app." },
      { status: 413 },
    );
  const text = await request.text();
  if (text.trim() === "") return Response.json({ error: "Choose a backup file first." }, { status: 400 });
  try {
    const counts = await restoreUploadedBackup(text);
    return Response.json({ counts });
  } catch (error) {
    if (error instanceof BackupError) return Response.json({ error: error.message }, { status: 422 });
    throw error;
  }
}
