"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { BrowserDeckError, updateBrowserDeck } from "@/app/lib/browser-decks/save-browser-deck";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { ImportError } from "@/app/lib/import";
import {
  deckMarkdownMaxBytes,
  editDeckAdvice,
  markdownPayloadBytes,
  markdownTooLargeMessage,
} from "@/app/lib/upload-limits";

export type UpdateDeckSourceState =
  { status: "idle" } | { status: "error"; message: string; errors?: Record<string, string[] | undefined> };

const updateDeckSourceSchema = z.object({
  slug: z.string().min(1).max(200),
  // CRLF from the form post back to the learner's line breaks; untrimmed, so the source is kept as written.
  markdown: z
    .string()
    .superRefine((text, context) => {
      const bytes = markdownPayloadBytes([text]);
      if (bytes > deckMarkdownMaxBytes)
        context.addIssue({ code: "custom", message: markdownTooLargeMessage(bytes, editDeckAdvice) });
    })
    .transform((text) => text.replace(/\r\n?/g, "\n"))
    .refine((text) => text.trim() !== "", "A deck needs at least one card."),
});

/** Saves the edited markdown of a browser-added deck (bound to its slug) and re-imports it. */
export async function updateDeckSource(
  slug: string,
  _previous: UpdateDeckSourceState,
  formData: FormData,
): Promise<UpdateDeckSourceState> {
  const parsed = updateDeckSourceSchema.safeParse({ slug, markdown: formData.get("markdown") });
  if (!parsed.success) {
    return {
      status: "error",
      message: parsed.error.issues[0]?.message ?? "Check the markdown and try again.",
      errors: z.flattenError(parsed.error).fieldErrors,
    };
  }

  let saved;
  try {
    const viewer = await viewerOrThrow();
    const { prisma } = await getDb();
    saved = await updateBrowserDeck(prisma, parsed.data, new Date(), viewer);
  } catch (error) {
    if (error instanceof ImportError || error instanceof BrowserDeckError)
      return { status: "error", message: error.message };
    throw error;
  }

  revalidatePath("/");
  revalidatePath(`/decks/${saved.slug}`);
  redirect(`/decks/${saved.slug}`);
}
