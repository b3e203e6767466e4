/**
 * The outbox of saves not yet confirmed by the server, kept in localStorage so a grade made offline
 * or while the server is down survives a reload and is retried, never dropped silently.
 */
import { plural } from "./format";
import type { SaveOperation } from "./session";

export const outboxStorageKey = "notecards:outbox:v1";

/** Retry delay after `failures` failed attempts in a row: 1s, 2s, 4s ... capped at 30s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

export function decodeOutbox(raw: string | null): SaveOperation[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (op): op is SaveOperation =>
        typeof op === "object" &&
        op !== null &&
        (op.type === "grade" || op.type === "undo" || op.type === "mark") &&
        typeof op.id === "string",
    );
  } catch {
    return [];
  }
}

/**
 * Queues an undo. A grade or mark still waiting in the outbox (and not being sent right now) is
 * simply taken out: the server never needs to hear of it.
 */
export function queueUndo(
  outbox: SaveOperation[],
  undo: Extract<SaveOperation, { type: "undo" | "mark" }>,
  inFlightId: string | null,
) {
  const target = undo.type === "undo" ? undo.gradeId : undo.undoes;
  const index = outbox.findIndex((op) => op.type !== "undo" && op.id === target);
  if (target !== undefined && index !== -1 && outbox[index]!.id !== inFlightId)
    return outbox.filter((_, i) => i !== index);
  return [...outbox, undo];
}

/** "1 grade waiting to save — retrying" and friends; "change" once a bury or flag is among them. */
export function describeOutbox(count: number, failing: boolean, what: "grade" | "change" = "grade"): string {
  if (count === 0) return "";
  const noun = plural(count, what);
  return failing ? `${noun} waiting to save — retrying` : `Saving ${noun}…`;
}

/** A v4 UUID; crypto.randomUUID needs a secure context, which a LAN address over http is not. */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
