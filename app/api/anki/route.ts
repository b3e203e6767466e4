import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AnkiPackageError } from "@/app/lib/anki/errors";
import { importApkg } from "@/app/lib/anki/import-apkg";
import { mediaDirFrom } from "@/app/lib/anki/media-path";
import { getDb } from "@/app/lib/db";
import { ImportError } from "@/app/lib/import";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  fileName: z
    .string()
    .min(1)
    .max(255)
    .regex(/\.(apkg|colpkg)$/i, "Choose an Anki package (.apkg)."),
});

// Anki packages with media are easily many megabytes, past the 1 MB a Server Action accepts, so the
// file comes here as the raw request body. The importer enforces its own zip limits.
const maxPackageBytes = 300 * 1024 * 1024;

/** Imports an Anki package (`?fileName=Spanish.apkg`, the file as the body) as a deck. */
export async function POST(request: Request): Promise<Response> {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0]?.message ?? "Bad request" }, { status: 400 });
  if (Number(request.headers.get("content-length") ?? "0") > maxPackageBytes) {
    return Response.json({ error: "That package is larger than 300 MB." }, { status: 413 });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  try {
    const { prisma } = await getDb();
    const result = await importApkg(prisma, bytes, {
      fileName: parsed.data.fileName,
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
    if (error instanceof AnkiPackageError || error instanceof ImportError) {
      return Response.json({ error: error.message }, { status: 422 });
    }
    throw error;
  }
}
