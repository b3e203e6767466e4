import { z } from "zod";
import { getDeckEventBus } from "@/app/lib/live/deck-events";
import { createDeckEventStream } from "@/app/lib/live/event-stream";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  deck: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(200)
    .optional(),
});

/** Server-sent events: `deck-changed` / `deck-failed` for one deck (`?deck=slug`) or all decks. */
export function GET(request: Request): Response {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "deck must be a deck slug" }, { status: 400 });
  const stream = createDeckEventStream(getDeckEventBus(), { slug: parsed.data.deck, signal: request.signal });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the response compressor from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
