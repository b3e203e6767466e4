/**
 * The GET routes and the header as another learner, with accounts on: the cards route and a private
 * Anki deck's media answer Bob 404 (as for a deck that does not exist), Alice 200 and a signed-out
 * visitor 401; the header's due count is the viewer's, and absent when nobody is signed in. Who is
 * signed in comes from a stand-in for the session cookie reader; everything else is the real app on
 * a real database.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getCards } from "@/app/api/decks/[slug]/cards/route";
import { GET as getMedia } from "@/app/media/[...path]/route";
import { readSessionViewer } from "@/app/lib/auth/session";
import type { Viewer } from "@/app/lib/auth/viewer";
import type { OpenDatabase } from "@/app/lib/database/client";
import { StudyAllLink } from "@/app/ui/study-all-link";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { alice, bob, seedTwoLearners } from "@/test/helpers/two-learners";

vi.mock("@/app/lib/auth/session", () => ({ readSessionViewer: vi.fn() }));

const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
const viewer = (userId: string): Viewer => ({
  userId,
  name: userId,
  email: `${userId}@example.org`,
  accounts: true,
});
const signIn = (userId: string | null) =>
  vi.mocked(readSessionViewer).mockResolvedValue(userId ? viewer(userId) : null);

const cardsOf = (slug: string) =>
  getCards(new Request(`http://localhost/api/decks/${slug}/cards`), { params: Promise.resolve({ slug }) });
const mediaOf = (...segments: string[]) =>
  getMedia(new Request(`http://localhost/media/${segments.join("/")}`), {
    params: Promise.resolve({ path: segments }),
  });
const headerDue = async () => ((await StudyAllLink()).props as { due?: number }).due;

describe.each(testProviders)("read routes as another learner on %s", (provider) => {
  let db: TestDatabase;
  const saved = { ...process.env };
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), "notecards-authz-media-"));

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await seedTwoLearners(db.prisma, new Date());
    appDb.notecardsDb = Promise.resolve(db);
    Object.assign(process.env, { ACCOUNTS: "on", BETTER_AUTH_SECRET: "s".repeat(32), MEDIA_DIR: mediaDir });
    for (const slug of ["alice-private", "shared"]) {
      mkdirSync(path.join(mediaDir, slug), { recursive: true });
      writeFileSync(path.join(mediaDir, slug, "cell.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    }
  });
  afterAll(async () => {
    delete appDb.notecardsDb;
    process.env = saved;
    rmSync(mediaDir, { recursive: true, force: true });
    await db?.destroy();
  });

  it("answers the cards route for another learner's deck as for no deck, and 401 signed out", async () => {
    signIn(bob);
    const hers = await cardsOf("alice-private");
    expect(hers.status).toBe(404);
    expect(await hers.json()).toEqual({ error: 'No deck "alice-private"' });
    expect((await cardsOf("shared")).status).toBe(200);

    signIn(alice);
    const own = await cardsOf("alice-private");
    expect(own.status).toBe(200);
    expect((await own.json()).cards).toHaveLength(4);

    signIn(null);
    expect((await cardsOf("shared")).status).toBe(401);
  });

  it("serves a private deck's media to its owner only, and nothing signed out", async () => {
    signIn(bob);
    expect((await mediaOf("alice-private", "cell.png")).status).toBe(404);
    expect((await mediaOf("shared", "cell.png")).status).toBe(200);
    signIn(alice);
    expect((await mediaOf("alice-private", "cell.png")).status).toBe(200);
    signIn(null);
    expect((await mediaOf("shared", "cell.png")).status).toBe(401);
  });

  it("shows the viewer's own due count in the header, and none to a signed-out visitor", async () => {
    signIn(alice);
    expect(await headerDue()).toBe(3);
    signIn(bob);
    expect(await headerDue()).toBe(0);
    signIn(null);
    expect(await headerDue()).toBeUndefined();
  });

  it("reads as the local learner with accounts off: shared decks and its own, no sign-in", async () => {
    process.env.ACCOUNTS = "off";
    try {
      signIn(null);
      vi.mocked(readSessionViewer).mockClear();
      expect((await cardsOf("shared")).status).toBe(200);
      expect((await cardsOf("alice-private")).status).toBe(404);
      expect((await mediaOf("shared", "cell.png")).status).toBe(200);
      expect(await headerDue()).toBe(0);
      expect(readSessionViewer).not.toHaveBeenCalled();
    } finally {
      process.env.ACCOUNTS = "on";
    }
  });
});
