"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { markActions } from "@/app/lib/study/marks";
import type { InvalidResult } from "./save-grade";
import { busyOr, type BusyResult } from "./busy";
import { markCardWith, type MarkResult } from "./marking";
import { unmarkCardWith, type UnsuspendState } from "./unmark";

const markCardSchema = z
  .object({
    cardId: z.string().min(1).max(100),
    action: z.enum(markActions),
    flag: z.number().int().min(0).max(4).optional(),
  })
  .refine((input) => input.action !== "flag" || input.flag !== undefined, {
    message: "A flag from 0 (none) to 4 is needed.",
    path: ["flag"],
  });

/** Bury, suspend, unsuspend or flag a card from the study page (sent through its outbox). */
export async function markCard(input: unknown): Promise<MarkResult | BusyResult | InvalidResult> {
  const parsed = markCardSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: z.flattenError(parsed.error).fieldErrors };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  // No revalidatePath, as for grades: the study page holds its own state.
  return busyOr(() => markCardWith(prisma, parsed.data, new Date(), { userId }));
}

const unsuspendSchema = z.object({
  cardId: z.string().min(1).max(100),
  slug: z.string().min(1).max(200),
});

/** The deck page's Unsuspend (and Unbury) button: a form action, so it works before hydration too. */
export async function unsuspendCard(
  target: { cardId: string; slug: string },
  _previous: UnsuspendState,
  formData: FormData,
): Promise<UnsuspendState> {
  const parsed = unsuspendSchema.safeParse(target);
  const action = formData.get("action") === "unbury" ? "unbury" : "unsuspend";
  if (!parsed.success) return { status: "error", message: "That card could not be found." };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  const state = await unmarkCardWith(prisma, { cardId: parsed.data.cardId, action }, new Date(), { userId });
  if (state.status !== "done") return state;
  revalidatePath(`/decks/${parsed.data.slug}`);
  return { status: "done" };
}
