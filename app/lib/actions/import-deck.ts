"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addBrowserDeck, type SavedDeck } from "@/app/lib/browser-decks/save-browser-deck";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { ImportError, parseSourceOffThread } from "@/app/lib/import";
import {
  addDeckAdvice,
  deckMarkdownMaxBytes,
  markdownPayloadBytes,
  markdownTooLargeMessage,
} from "@/app/lib/upload-limits";

export type ImportDeckState =
  { status: "idle" } | { status: "error"; message: string; errors?: Record<string, string[] | undefined> };

// Form posts turn line breaks into CRLF; store the text as the learner wrote it (and keep it untrimmed,
// so the source shown for editing is exactly what was saved).
const markdownSchema = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, "\n"))
  .refine((text) => text.trim() !== "", "Paste some markdown or choose a .md file first.");

const importDeckSchema = z
  .object({
    decks: z
      .array(
        z.object({
          markdown: markdownSchema,
          fileName: z.string().max(255).regex(/\.md$/i, "Only .md files can be added.").optional(),
        }),
      )
      .min(1, "Paste some markdown or choose a .md file first.")
      .max(20, "Add at most 20 files at a time."),
  })
  .superRefine((input, context) => {
    // Checked before any parsing; Next has already stopped bodies past the Server Action limit.
    const bytes = markdownPayloadBytes(input.decks.map((deck) => deck.markdown));
    if (bytes > deckMarkdownMaxBytes)
      context.addIssue({
        code: "custom",
        message: markdownTooLargeMessage(bytes, addDeckAdvice),
        path: ["decks"],
      });
  });

/**
 * Adds decks pasted or uploaded on /decks/new (form fields `markdown` and `fileName`, one pair per
 * deck; an empty fileName for pasted text), through the same import as `cards import`, then opens
 * the new deck. Every deck is checked before any is stored, so a bad file stores nothing.
 */
export async function importDeck(_previous: ImportDeckState, formData: FormData): Promise<ImportDeckState> {
  const markdowns = formData.getAll("markdown");
  const fileNames = formData.getAll("fileName");
  const parsed = importDeckSchema.safeParse({
    decks: markdowns.map((markdown, index) => {
      const fileName = fileNames[index];
      return { markdown, fileName: typeof fileName === "string" && fileName !== "" ? fileName : undefined };
    }),
  });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const first = parsed.error.issues[0]?.message ?? "Check the markdown and try again.";
    return { status: "error", message: first, errors: flat.fieldErrors };
  }

  const { userId } = await viewerOrThrow();
  const saved: SavedDeck[] = [];
  try {
    for (const deck of parsed.data.decks)
      await parseSourceOffThread(deck.markdown, deck.fileName ?? "pasted text", deck.fileName ?? "");
    const { prisma } = await getDb();
    const now = new Date();
    for (const deck of parsed.data.decks) saved.push(await addBrowserDeck(prisma, deck, now, userId));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const stored = saved.length > 0 ? ` (${saved.map((deck) => deck.title).join(", ")} saved)` : "";
    return { status: "error", message: `${error.message}${stored}` };
  }

  revalidatePath("/");
  const only = saved.length === 1 ? saved[0] : undefined;
  redirect(only ? `/decks/${only.slug}` : "/");
}
