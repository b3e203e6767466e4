/**
 * The download and upload routes with accounts on: nobody signed in is a 401 with a message (before
 * any body is read), and a signed-in learner gets their own backup and 404 for another's deck. The
 * session is the one thing stood in for (better-auth's cookie reading is the accounts module's);
 * the database behind the routes is real.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/app/lib/auth/viewer";
import type { OpenDatabase } from "@/app/lib/database/client";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { a, b, seedTwoLearners, type TwoLearners } from "./learners";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/app/lib/auth/session", () => ({ readSessionViewer: async () => session.viewer }));

const { GET: getBackup, POST: postBackup } = await import("@/app/api/backup/route");
const { POST: postAnki } = await import("@/app/api/anki/route");
const { GET: getExport } = await import("@/app/api/decks/[slug]/export/route");

const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
const origin = "http://localhost:3000";
const ownPage = { host: "localhost:3000", origin, "sec-fetch-site": "same-origin" };
const signedIn = (learner: { userId: string }): Viewer => ({
  userId: learner.userId,
  name: learner.userId,
  email: `${learner.userId}@example.com`,
  accounts: true,
});
const exportOf = (slug: string) =>
  getExport(new Request(`${origin}/api/decks/${slug}/export?format=markdown`, { headers: ownPage }), {
    params: Promise.resolve({ slug }),
  });

describe.each(testProviders)("write routes with accounts on, on %s", (provider) => {
  let db: TestDatabase;
  let seed: TwoLearners;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    seed = await seedTwoLearners(db.prisma);
    appDb.notecardsDb = Promise.resolve(db);
  });
  afterAll(async () => {
    delete appDb.notecardsDb;
    await db?.destroy();
  });
  beforeEach(() => {
    vi.stubEnv("ACCOUNTS", "on");
    vi.stubEnv("BETTER_AUTH_SECRET", "x".repeat(32));
    session.viewer = null;
  });
  afterEach(() => vi.unstubAllEnvs());

  it("answers 401 with a message to every route when nobody is signed in", async () => {
    const upload = (url: string) =>
      new Request(`${origin}${url}`, { method: "POST", body: "{}", headers: ownPage });
    for (const response of [
      await getBackup(new Request(`${origin}/api/backup`, { headers: ownPage })),
      await postBackup(upload("/api/backup")),
      await postAnki(upload("/api/anki?fileName=Spanish.apkg")),
      await exportOf(seed.privateSlug),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "Sign in to continue." });
    }
  });

  it("exports a deck to its owner and answers 404 to another learner", async () => {
    session.viewer = signedIn(b);
    const refused = await exportOf(seed.privateSlug);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: `No deck with slug "${seed.privateSlug}"` });
    session.viewer = signedIn(a);
    const mine = await exportOf(seed.privateSlug);
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain("What is alpha?");
  });

  it("downloads the signed-in learner's backup, holding nothing of the other's", async () => {
    session.viewer = signedIn(b);
    const response = await getBackup(new Request(`${origin}/api/backup`, { headers: ownPage }));
    expect(response.status).toBe(200);
    const backup = (await response.json()) as { user: { id: string }; decks: { id: string }[] };
    expect(backup.user.id).toBe(b.userId);
    expect(backup.decks.map((deck) => deck.id)).toEqual([seed.sharedDeckId]);
  });
});
