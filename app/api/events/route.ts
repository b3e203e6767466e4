import { z } from "zod";
import { clientAddress } from "@/app/lib/http/client-address";
import { jsonError } from "@/app/lib/http/json-error";
import { getLiveConnectionLimiter, liveConnectionLimits } from "@/app/lib/live/connection-limiter";
import { SignInRequiredError, viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDeckEventBus } from "@/app/lib/live/process-bus";
import { createDeckEventStream } from "@/app/lib/live/event-stream";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  deck: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(200)
    .optional(),
});

/**
 * Server-sent events for the signed-in learner (401 otherwise): `deck-changed` / `deck-failed` for one
 * deck (`?deck=slug`) or all the decks they can see, `card-changed` for their own grades made in other
 * tabs or on other instances, and `resync` when events may have been missed. Each stream stays open
 * as long as its page, so a client past its share of streams gets 429.
 */
export async function GET(request: Request): Promise<Response> {
  let userId: string;
  try {
    userId = (await viewerOrThrow()).userId;
  } catch (error) {
    if (error instanceof SignInRequiredError) return jsonError(401, error.message);
    throw error;
  }
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "deck must be a deck slug");
  const release = getLiveConnectionLimiter().acquire(clientAddress(request.headers));
  if (!release) {
    return jsonError(
      429,
      `Too many live-update connections are open (at most ${liveConnectionLimits.perClient} per client): ` +
        "close some tabs of this app, or try again later.",
      { "Retry-After": "30" },
    );
  }
  const stream = createDeckEventStream(getDeckEventBus(), {
    slug: parsed.data.deck,
    userId,
    signal: request.signal,
    onClose: release,
  });
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
