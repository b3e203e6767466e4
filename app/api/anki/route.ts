import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AnkiPackageError } from "@/app/lib/anki/errors";
import { importApkg } from "@/app/lib/anki/import-apkg";
import { mediaDirFrom } from "@/app/lib/anki/media-path";
import { getDb } from "@/app/lib/db";
import { viewerOrUnauthorized } from "@/app/lib/downloads/route-viewer";
import { readBodyWithin } from "@/app/lib/http/body-limit";
import { jsonError } from "@/app/lib/http/json-error";
import { withRouteErrors } from "@/app/lib/http/route-errors";
import { refuseForeignUpload } from "@/app/lib/http/upload-guard";
import { ImportError } from "@/app/lib/import";
import { ankiPackageMaxBytes } from "@/app/lib/upload-limits";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  fileName: z
    .string()
    .min(1)
    .max(255)
    .regex(/\.(apkg|colpkg)$/i, "Choose an Anki package (.apkg)."),
});

/**
 * Imports an Anki package (`?fileName=Spanish.apkg`, the file as the body) as a deck. Packages with
 * media are easily past the 1 MB a Server Action accepts, so the file comes as the raw body. The deck
 * is the viewer's own.
 */
export const POST = withRouteErrors(async (request: Request): Promise<Response> => {
  const refused = refuseForeignUpload(request);
  if (refused) return refused;
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? "Bad request");
  const viewer = await viewerOrUnauthorized();
  if (viewer instanceof Response) return viewer;
  const bytes = await readBodyWithin(request, ankiPackageMaxBytes);
  try {
    const { prisma } = await getDb();
    const result = await importApkg(prisma, bytes, {
      fileName: parsed.data.fileName,
      userId: viewer.userId,
      mediaDir: mediaDirFrom(process.env),
      now: new Date(),
    });
    revalidatePath("/");
    return Response.json({
      slug: result.deck.slug,
      title: result.deck.title,
      status: result.status,
      counts: result.counts,
      history: result.history,
      unknownNotes: result.unknownNotes,
      notices: result.notices,
    });
  } catch (error) {
    if (error instanceof AnkiPackageError || error instanceof ImportError)
      return jsonError(422, error.message);
    throw error;
  }
});
