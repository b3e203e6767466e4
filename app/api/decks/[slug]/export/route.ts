import { z } from "zod";
import { attachmentResponse } from "@/app/lib/downloads/attachment";
import { exportFormats, getDeckExport } from "@/app/lib/downloads/deck-export";
import { viewerOrUnauthorized } from "@/app/lib/downloads/route-viewer";
import { ExportError } from "@/app/lib/export/errors";
import { withRouteErrors } from "@/app/lib/http/route-errors";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(exportFormats) });

/**
 * `/api/decks/<slug>/export?format=markdown|csv|apkg`: the deck as a download, with the viewer's own
 * history; 404 for a deck they cannot see, as for one that does not exist.
 */
export const GET = withRouteErrors(async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  const { slug } = await params;
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: `format must be one of ${exportFormats.join(", ")}` }, { status: 400 });
  const viewer = await viewerOrUnauthorized();
  if (viewer instanceof Response) return viewer;
  try {
    return attachmentResponse(await getDeckExport(viewer, slug, parsed.data.format));
  } catch (error) {
    if (error instanceof ExportError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
});
