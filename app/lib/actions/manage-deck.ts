"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { renameBrowserDeck } from "@/app/lib/browser-decks/rename-browser-deck";
import { BrowserDeckError } from "@/app/lib/browser-decks/save-browser-deck";
import { viewerOrThrow, type Viewer } from "@/app/lib/auth/viewer";
import type { Db } from "@/app/lib/database/client";
import { getDb } from "@/app/lib/db";
import { DeckStateError, deleteDeckForever, moveDeckToTrash, restoreDeck } from "@/app/lib/decks/deck-trash";
import { ImportError } from "@/app/lib/import";
import { renameDeckSchema } from "./rename-deck-schema";

export type ManageDeckState = { status: "idle" } | { status: "error"; message: string };

const deckIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "That is not a deck.");

function invalid(error: z.ZodError): ManageDeckState {
  return { status: "error", message: error.issues[0]?.message ?? "Check the form and try again." };
}

/** Every page that lists decks or counts their cards. */
function revalidateDeckPages(slug: string): void {
  revalidatePath("/");
  revalidatePath("/trash");
  revalidatePath(`/decks/${slug}`);
}

type TrashChange = (prisma: Db, deckId: string, viewer: Viewer) => Promise<{ slug: string }>;

/**
 * The trash's three moves share one shape: check the bound id, make the change as the viewer (a
 * deck they may not manage reads as no deck), then refresh the deck pages and go to `destination`.
 */
async function changeInTrash(
  deckId: string,
  change: TrashChange,
  destination: (slug: string) => string,
): Promise<ManageDeckState> {
  const id = deckIdSchema.safeParse(deckId);
  if (!id.success) return invalid(id.error);
  let slug: string;
  try {
    const viewer = await viewerOrThrow();
    const { prisma } = await getDb();
    ({ slug } = await change(prisma, id.data, viewer));
  } catch (error) {
    if (error instanceof DeckStateError) return { status: "error", message: error.message };
    throw error;
  }
  revalidateDeckPages(slug);
  redirect(destination(slug));
}

/** Moves a deck to the trash (bound to its id), then goes home, where the learner can undo it. */
export async function deleteDeck(deckId: string, _previous: ManageDeckState): Promise<ManageDeckState> {
  return changeInTrash(
    deckId,
    (prisma, id, viewer) => moveDeckToTrash(prisma, id, new Date(), viewer),
    (slug) => `/?trashed=${encodeURIComponent(slug)}`,
  );
}

/** Takes a deck out of the trash (bound to its id), then opens it. */
export async function restoreDeckFromTrash(
  deckId: string,
  _previous: ManageDeckState,
): Promise<ManageDeckState> {
  return changeInTrash(deckId, restoreDeck, (slug) => `/decks/${slug}`);
}

/** Deletes a deck in the trash for good (bound to its id), with its cards and history. */
export async function purgeDeck(deckId: string, _previous: ManageDeckState): Promise<ManageDeckState> {
  return changeInTrash(deckId, deleteDeckForever, () => "/trash");
}

/** Renames a browser-added deck (bound to its slug, which stays), from the form field `title`. */
export async function renameDeck(
  slug: string,
  _previous: ManageDeckState,
  formData: FormData,
): Promise<ManageDeckState> {
  const parsed = renameDeckSchema.safeParse({ slug, title: formData.get("title") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const viewer = await viewerOrThrow();
    const { prisma } = await getDb();
    await renameBrowserDeck(prisma, parsed.data, new Date(), viewer);
  } catch (error) {
    if (error instanceof BrowserDeckError || error instanceof ImportError)
      return { status: "error", message: error.message };
    throw error;
  }
  revalidateDeckPages(slug);
  redirect(`/decks/${slug}`);
}
