/**
 * The pages as another learner, with accounts on: every page that takes a deck slug (or a card id)
 * answers Bob's request for Alice's private deck with notFound(), exactly as for a deck that does
 * not exist, renders for Alice, and sends a signed-out visitor to sign in and back. The pages are
 * called as the server calls them, on a real database; only the session cookie reader stands in, and
 * `connection()` (which needs a request scope only a running server has) resolves at once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import DeckPage from "@/app/decks/[slug]/page";
import CardHistoryPage from "@/app/decks/[slug]/cards/[id]/page";
import EditDeckPage from "@/app/decks/[slug]/edit/page";
import DeckOptionsPage from "@/app/decks/[slug]/options/page";
import PracticePage from "@/app/decks/[slug]/practice/page";
import StudyPage from "@/app/decks/[slug]/study/page";
import StatsPage from "@/app/stats/page";
import { readSessionViewer } from "@/app/lib/auth/session";
import { DeleteDeckDialog } from "@/app/ui/decks/delete-deck-dialog";
import { RenameDeckForm } from "@/app/ui/decks/rename-deck-form";
import type { OpenDatabase } from "@/app/lib/database/client";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { alice, bob, seedTwoLearners, type TwoLearners } from "@/test/helpers/two-learners";

vi.mock("@/app/lib/auth/session", () => ({ readSessionViewer: vi.fn() }));
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => undefined,
}));

const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
const signIn = (userId: string | null) =>
  vi
    .mocked(readSessionViewer)
    .mockResolvedValue(
      userId ? { userId, name: userId, email: `${userId}@example.org`, accounts: true } : null,
    );

/** What a page call ended in: rendered, or Next's not-found / redirect signal (its digest). */
async function outcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "rendered";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string") throw error;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "not found";
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    throw error;
  }
}

interface Element {
  type: unknown;
  props: { children?: unknown };
}
const isElement = (node: unknown): node is Element =>
  typeof node === "object" && node !== null && "type" in node && "props" in node;

/** The component types in a rendered page's element tree (server components are not called). */
function typesIn(node: unknown, found = new Set<unknown>()): Set<unknown> {
  if (Array.isArray(node)) node.forEach((child) => typesIn(child, found));
  else if (isElement(node)) {
    found.add(node.type);
    typesIn(node.props.children, found);
  }
  return found;
}

const none = Promise.resolve({});
const pages = (slug: string, cardId: string) => ({
  deck: () => DeckPage({ params: Promise.resolve({ slug }), searchParams: none }),
  history: () => CardHistoryPage({ params: Promise.resolve({ slug, id: cardId }) }),
  edit: () => EditDeckPage({ params: Promise.resolve({ slug }), searchParams: none }),
  options: () => DeckOptionsPage({ params: Promise.resolve({ slug }) }),
  practice: () => PracticePage({ params: Promise.resolve({ slug }), searchParams: none }),
  study: () => StudyPage({ params: Promise.resolve({ slug }) }),
  stats: () => StatsPage({ searchParams: Promise.resolve({ deck: slug }) }),
});

async function outcomes(slug: string, cardId: string) {
  const results: Record<string, string> = {};
  for (const [name, render] of Object.entries(pages(slug, cardId))) results[name] = await outcome(render);
  return results;
}

const everyPage = (result: string) =>
  Object.fromEntries(Object.keys(pages("", "")).map((name) => [name, result]));

describe.each(testProviders)("pages as another learner on %s", (provider) => {
  let db: TestDatabase;
  let cards: TwoLearners;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    cards = await seedTwoLearners(db.prisma, new Date());
    appDb.notecardsDb = Promise.resolve(db);
    Object.assign(process.env, { ACCOUNTS: "on", BETTER_AUTH_SECRET: "s".repeat(32) });
  });
  afterAll(async () => {
    delete appDb.notecardsDb;
    process.env = saved;
    await db?.destroy();
  });

  it("answers another learner's private deck as a deck that does not exist, on every page", async () => {
    signIn(bob);
    expect(await outcomes("alice-private", cards.alicePrivate[0]!)).toEqual(everyPage("not found"));
    expect(await outcomes("no-such-deck", "no-such-card")).toEqual(everyPage("not found"));
  });

  it("shows the owner her own deck on every page", async () => {
    signIn(alice);
    expect(await outcomes("alice-private", cards.alicePrivate[0]!)).toEqual(everyPage("rendered"));
  });

  it("shows a shared deck to every learner, read-only with accounts on", async () => {
    signIn(bob);
    const results = await outcomes("shared", cards.shared[0]!);
    expect(results).toEqual(everyPage("rendered"));
    const shared = typesIn(await pages("shared", "").deck());
    expect(shared.has(DeleteDeckDialog)).toBe(false);
    const edit = (await pages("shared", "").edit()) as { type: { name: string } };
    expect(edit.type.name).toBe("SharedDeckNotice");

    signIn(alice);
    const own = typesIn(await pages("alice-private", "").deck());
    expect([own.has(DeleteDeckDialog), own.has(RenameDeckForm)]).toEqual([true, true]);
  });

  it("keeps single-user mode as it was: the local learner manages the shared deck, no sign-in", async () => {
    process.env.ACCOUNTS = "off";
    try {
      signIn(null);
      expect(typesIn(await pages("shared", "").deck()).has(DeleteDeckDialog)).toBe(true);
      expect(await outcomes("shared", cards.shared[0]!)).toEqual(everyPage("rendered"));
      expect(await outcome(pages("alice-private", "").deck)).toBe("not found");
    } finally {
      process.env.ACCOUNTS = "on";
    }
  });

  it("sends a signed-out visitor to sign in, and back to the page asked for", async () => {
    signIn(null);
    const results = await outcomes("shared", cards.shared[0]!);
    expect(results.deck).toBe(`redirect /sign-in?next=${encodeURIComponent("/decks/shared")}`);
    expect(results.stats).toBe(`redirect /sign-in?next=${encodeURIComponent("/stats?deck=shared")}`);
    expect(Object.values(results).every((result) => result.startsWith("redirect /sign-in?next="))).toBe(true);
  });
});
