/**
 * The deck page's Unsuspend and Unbury buttons, with the Prisma client passed in so tests run it
 * against real databases. A form action has no outbox to retry it, so a busy database is told to
 * the learner, with nothing changed, instead of failing the request.
 */
import type { Db } from "@/app/lib/database/client";
import { busyOr } from "./busy";
import { markCardWith } from "./marking";

export type UnsuspendState = { status: "idle" } | { status: "done" } | { status: "error"; message: string };

export const busyMessage = "The database is busy; nothing was changed. Try again in a moment.";

export async function unmarkCardWith(
  prisma: Db,
  input: { cardId: string; action: "unsuspend" | "unbury" },
  now: Date,
  options: { userId: string },
): Promise<UnsuspendState> {
  const result = await busyOr(() => markCardWith(prisma, input, now, options));
  if (result.status === "busy") return { status: "error", message: busyMessage };
  if (result.status === "not-found")
    return { status: "error", message: "That card is no longer in the deck." };
  return { status: "done" };
}
