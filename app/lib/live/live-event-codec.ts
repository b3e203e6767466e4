/**
 * Deck events as PostgreSQL notification payloads: JSON, checked on the way in (another instance,
 * perhaps of another version, wrote it) and bounded on the way out (NOTIFY refuses 8000 bytes or more).
 */
import { z } from "zod";
import type { DeckEvent } from "./deck-events";

/** NOTIFY's payload limit is 8000 bytes; stay well under it. */
export const maxPayloadBytes = 7_900;
/** An import error is shown to the learner as is; past this it is cut (the deck page shows it whole). */
const maxErrorChars = 1_000;

const at = z.string().max(40);
const slug = z.string().min(1).max(200);
const ownerId = z.string().max(200).nullable();

const deckEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("deck-changed"), slug, ownerId, at }),
  z.object({ type: z.literal("deck-failed"), slug, ownerId, error: z.string().max(maxErrorChars + 1), at }),
  z.object({
    type: z.literal("card-changed"),
    userId: z.string().min(1).max(200),
    cardId: z.string().min(1).max(200),
    version: z.number().int().min(0),
    at,
  }),
  z.object({ type: z.literal("resync"), at }),
]);

export class LiveEventTooLargeError extends Error {
  constructor(bytes: number) {
    super(`A live event of ${bytes} bytes is over PostgreSQL's notification limit`);
    this.name = "LiveEventTooLargeError";
  }
}

export function encodeDeckEvent(event: DeckEvent): string {
  const bounded =
    event.type === "deck-failed" && event.error.length > maxErrorChars
      ? { ...event, error: `${event.error.slice(0, maxErrorChars)}…` }
      : event;
  const payload = JSON.stringify(bounded);
  const bytes = Buffer.byteLength(payload);
  if (bytes > maxPayloadBytes) throw new LiveEventTooLargeError(bytes);
  return payload;
}

/** The event a payload holds, or null for one this version does not understand. */
export function decodeDeckEvent(payload: string | undefined): DeckEvent | null {
  try {
    const parsed = deckEventSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
