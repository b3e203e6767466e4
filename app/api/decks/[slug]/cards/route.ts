import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getVisibleDeck } from "@/app/lib/data/decks";
import { withRouteErrors } from "@/app/lib/http/route-errors";
import { getLiveDeckCards } from "@/app/lib/live/get-live-deck-cards";

export const dynamic = "force-dynamic";

/** The deck's current cards as JSON, fetched by an open study page when the deck changed. */
export const GET = withRouteErrors(async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  const { slug } = await params;
  const viewer = await viewerOrThrow();
  // Another learner's private deck answers as one that does not exist.
  const deck = (await getVisibleDeck(viewer.userId, slug)) ? await getLiveDeckCards(slug) : null;
  if (!deck) return Response.json({ error: `No deck "${slug}"` }, { status: 404 });
  return Response.json(deck, { headers: { "Cache-Control": "no-store" } });
});
