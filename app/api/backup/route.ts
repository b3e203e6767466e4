import { BackupError } from "@/app/lib/backup/schema";
import { attachmentResponse } from "@/app/lib/downloads/attachment";
import { getBackupDownload, restoreUploadedBackup } from "@/app/lib/downloads/backup-download";
import { viewerOrUnauthorized } from "@/app/lib/downloads/route-viewer";
import { readBodyWithin } from "@/app/lib/http/body-limit";
import { jsonError } from "@/app/lib/http/json-error";
import { withRouteErrors } from "@/app/lib/http/route-errors";
import { refuseForeignHost, refuseForeignUpload } from "@/app/lib/http/upload-guard";
import { backupMaxBytes } from "@/app/lib/upload-limits";

export const dynamic = "force-dynamic";

/** Downloads the viewer's backup (JSON). proxy.ts leaves this path alone: check the host here. */
export const GET = withRouteErrors(async (request: Request): Promise<Response> => {
  const refused = refuseForeignHost(request);
  if (refused) return refused;
  const viewer = await viewerOrUnauthorized();
  if (viewer instanceof Response) return viewer;
  return attachmentResponse(await getBackupDownload(viewer, new Date()));
});

/**
 * Restores a backup (the JSON file as the body) into the viewer: an empty database with accounts
 * off, a learner with no progress yet with accounts on (restore-backup.ts). Backups hold every review
 * ever made, far past the 1 MB a Server Action accepts, so the file comes as the raw body.
 */
export const POST = withRouteErrors(async (request: Request): Promise<Response> => {
  const refused = refuseForeignUpload(request);
  if (refused) return refused;
  const viewer = await viewerOrUnauthorized();
  if (viewer instanceof Response) return viewer;
  const text = (await readBodyWithin(request, backupMaxBytes)).toString("utf8");
  if (text.trim() === "") return jsonError(400, "Choose a backup file first.");
  try {
    const counts = await restoreUploadedBackup(viewer, text);
    return Response.json({ counts });
  } catch (error) {
    if (error instanceof BackupError) return jsonError(422, error.message);
    throw error;
  }
});
