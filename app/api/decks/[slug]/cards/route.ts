import { withRouteErrors } from "@/app/lib/http/route-errors";
import { getLiveDeckCards } from "@/app/lib/live/get-live-deck-cards";

export const dynamic = "force-dynamic";

/** The deck's current cards as JSON, fetched by an open study page when the deck changed. */
export const GET = withRouteErrors(async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  const { slug } = await params;
  const deck = await getLiveDeckCards(slug);
  if (!deck) return Response.json({ error: `No deck "${slug}"` }, { status: 404 });
  return Response.json(deck, { headers: { "Cache-Control": "no-store" } });
});
