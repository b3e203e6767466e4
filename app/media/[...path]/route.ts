import path from "node:path";
import { mediaDirFrom } from "@/app/lib/anki/media-path";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { readDeckMediaFile } from "@/app/lib/downloads/media-file";
import { withRouteErrors } from "@/app/lib/http/route-errors";

export const dynamic = "force-dynamic";

const contentTypes: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".wav": "audio/wav",
  ".m4a": "audio/mp4",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
};

/**
 * `/media/<deck-slug>/<file>`: a deck's media file (from an Anki import), never anything outside the
 * media folder, and only of a deck the viewer may see (401 signed out, 404 another learner's).
 */
export const GET = withRouteErrors(async function GET(
  _request: Request,
  { params }: { params: Promise<{ path: string[] }> },
): Promise<Response> {
  const viewer = await viewerOrThrow();
  const segments = (await params).path;
  const [deckSlug, fileName] = segments;
  const media =
    segments.length === 2 && deckSlug && fileName
      ? await readDeckMediaFile((await getDb()).prisma, viewer.userId, {
          mediaDir: mediaDirFrom(process.env),
          deckSlug,
          fileName,
        })
      : null;
  if (!media) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      "Content-Type": contentTypes[path.extname(media.file).toLowerCase()] ?? "application/octet-stream",
      "X-Content-Type-Options": "nosniff",
      // An SVG opened on its own must not run script in the app's origin.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, max-age=3600",
    },
  });
});
