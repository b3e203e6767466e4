import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/media/[...path]/route";
import { defaultMediaDir } from "@/app/lib/anki/media-path";
import type { OpenDatabase } from "@/app/lib/database/client";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/databases";

const slug = `media-route-test-${process.pid}`;
const linkedSlug = `${slug}-linked`;
const folder = path.resolve(defaultMediaDir, slug);
const outside = mkdtempSync(path.join(os.tmpdir(), "notecards-outside-media-"));
// The route checks the deck is the viewer's (the local learner's here): the app's one client
// (app/lib/db.ts) is pointed at a test database holding both decks.
const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
let db: TestDatabase;
const get = (...segments: string[]) =>
  GET(new Request(`http://localhost/media/${segments.join("/")}`), {
    params: Promise.resolve({ path: segments }),
  });

describe("GET /media/<deck>/<file>", () => {
  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    appDb.notecardsDb = Promise.resolve(db);
    for (const deckSlug of [slug, linkedSlug])
      await db.prisma.deck.create({ data: { slug: deckSlug, title: deckSlug, ownerId: null } });
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "cat.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(
      path.join(folder, "icon.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    writeFileSync(path.join(outside, "secret.png"), "not for the browser");
    // Links a careless tool could leave in the media folder: one to a file, one to a whole folder,
    // outside it; and one to a file inside it, which is harmless.
    symlinkSync(path.join(outside, "secret.png"), path.join(folder, "leak.png"));
    symlinkSync(outside, path.resolve(defaultMediaDir, linkedSlug));
    symlinkSync(path.join(folder, "cat.png"), path.join(folder, "kitten.png"));
  });

  afterAll(async () => {
    delete appDb.notecardsDb;
    await db?.destroy();
    rmSync(folder, { recursive: true, force: true });
    rmSync(path.resolve(defaultMediaDir, linkedSlug), { force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it("serves a deck's media file with its type", async () => {
    const response = await get(slug, "cat.png");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it("serves SVG sandboxed, so opening it on its own cannot run script in the app's origin", async () => {
    const response = await get(slug, "icon.svg");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 404 for missing files and for anything that would leave the media folder", async () => {
    expect((await get(slug, "missing.png")).status).toBe(404);
    expect((await get(slug, "..", "..", "package.json")).status).toBe(404);
    expect((await get("..", "package.json")).status).toBe(404);
    expect((await get(slug, ".hidden")).status).toBe(404);
  });

  it("does not follow a symlink out of the media folder, to a file or through a deck folder", async () => {
    expect((await get(slug, "leak.png")).status).toBe(404);
    expect((await get(linkedSlug, "secret.png")).status).toBe(404);
    expect((await get(slug, "kitten.png")).status).toBe(200);
  });
});
