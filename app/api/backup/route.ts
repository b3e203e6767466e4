import { BackupError } from "@/app/lib/backup/schema";
import { attachmentResponse } from "@/app/lib/downloads/attachment";
import { getBackupDownload, restoreUploadedBackup } from "@/app/lib/downloads/backup-download";
import { readBodyWithin } from "@/app/lib/http/body-limit";
import { jsonError } from "@/app/lib/http/json-error";
import { withRouteErrors } from "@/app/lib/http/route-errors";
import { refuseForeignHost, refuseForeignUpload } from "@/app/lib/http/upload-guard";
import { backupMaxBytes } from "@/app/lib/upload-limits";

export const dynamic = "force-dynamic";

/** Downloads the local learner's backup (JSON). proxy.ts leaves this path alone: check the host here. */
export const GET = withRouteErrors(async (request: Request): Promise<Response> => {
  return refuseForeignHost(request) ?? attachmentResponse(await getBackupDownload(new Date()));
});

/**
 * Restores a backup (the JSON file as the body) into an empty database. Backups hold every review
 * ever made, far past the 1 MB a Server Action accepts, so the file comes as the raw body.
 */
export const POST = withRouteErrors(async (request: Request): Promise<Response> => {
  const refused = refuseForeignUpload(request);
  if (refused) return refused;
  const text = (await readBodyWithin(request, backupMaxBytes)).toString("utf8");
  if (text.trim() === "") return jsonError(400, "Choose a backup file first.");
  try {
    const counts = await restoreUploadedBackup(text);
    return Response.json({ counts });
  } catch (error) {
    if (error instanceof BackupError) return jsonError(422, error.message);
    throw error;
  }
});
