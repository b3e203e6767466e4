import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getBackup, POST as postBackup } from "@/app/api/backup/route";
import { POST as postAnki } from "@/app/api/anki/route";
import { createBackup } from "@/app/lib/backup/create-backup";
import type { OpenDatabase } from "@/app/lib/database/client";
import { ankiPackageMaxBytes, backupMaxBytes } from "@/app/lib/upload-limits";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

// The upload routes as the server calls them, with real request bodies streaming in and a real
// database behind them: the app's one client (app/lib/db.ts) is pointed at a test database.
const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
const origin = "http://localhost:3000";
const ownPage = { host: "localhost:3000", origin, "sec-fetch-site": "same-origin" };

/** A chunked body (no Content-Length) of `totalBytes` zero bytes, sent 1 MB at a time. */
function chunkedBody(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunk.byteLength, totalBytes - sent);
      sent += size;
      controller.enqueue(chunk.subarray(0, size));
    },
  });
}

function upload(url: string, body: BodyInit, headers: Record<string, string> = ownPage): Request {
  return new Request(`${origin}${url}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("upload limits, hosts and origins", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    appDb.notecardsDb = Promise.resolve(db);
  });
  afterAll(async () => {
    delete appDb.notecardsDb;
    await db?.destroy();
  });

  it("answers 413 with the limit to a chunked Anki package past it", async () => {
    const response = await postAnki(
      upload("/api/anki?fileName=big.apkg", chunkedBody(ankiPackageMaxBytes + 1)),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "The upload is larger than the 100 MB limit." });
  });

  it("answers 413 to a chunked backup past its limit, before parsing any of it", async () => {
    const response = await postBackup(upload("/api/backup", chunkedBody(backupMaxBytes + 1)));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toContain("200 MB");
  });

  it("answers 422 with the reason to a file that is not an Anki package", async () => {
    const response = await postAnki(upload("/api/anki?fileName=notes.apkg", "just text"));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/not a zip archive/);
  });

  it("answers 403 to an upload sent by a page of another site (a no-CORS form post)", async () => {
    const response = await postAnki(
      upload("/api/anki?fileName=deck.apkg", "x", {
        host: "localhost:3000",
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/another site/);
    const backup = await postBackup(
      upload("/api/backup", "{}", { host: "localhost:3000", origin: "https://evil.example" }),
    );
    expect(backup.status).toBe(403);
  });

  it("answers 403 to a Host the server does not answer to (DNS rebinding), reading or writing", async () => {
    const rebound = {
      host: "evil.example:3000",
      origin: "http://evil.example:3000",
      "sec-fetch-site": "same-origin",
    };
    const response = await postAnki(upload("/api/anki?fileName=deck.apkg", "x", rebound));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/ALLOWED_HOSTS/);
    const download = await getBackup(new Request(`${origin}/api/backup`, { headers: rebound }));
    expect(download.status).toBe(403);
    const own = await getBackup(new Request(`${origin}/api/backup`, { headers: { host: "localhost:3000" } }));
    expect(own.status).toBe(200);
  });
});

describe.each(testProviders)("restoring a backup upload on %s", (provider) => {
  let target: TestDatabase;
  let backupJson: string;
  beforeAll(async () => {
    const source = await createTestDatabase(provider);
    try {
      const deck = await source.prisma.deck.create({ data: { slug: "cells", title: "Cells" } });
      await source.prisma.card.create({
        data: { deckId: deck.id, key: "atp", kind: "basic", front: "What is ATP?", back: "Energy", line: 1 },
      });
      backupJson = JSON.stringify(await createBackup(source.prisma, "local", new Date()));
    } finally {
      await source.destroy();
    }
    target = await createTestDatabase(provider);
    appDb.notecardsDb = Promise.resolve(target);
  });
  afterAll(async () => {
    delete appDb.notecardsDb;
    await target?.destroy();
  });

  it("restores a backup streamed in chunks", async () => {
    const bytes = new TextEncoder().encode(backupJson);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.byteLength; at += 100) controller.enqueue(bytes.subarray(at, at + 100));
        controller.close();
      },
    });
    const response = await postBackup(upload("/api/backup", body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ counts: { decks: 1, cards: 1 } });
    expect(await target.prisma.card.findFirst({ select: { front: true } })).toEqual({
      front: "What is ATP?",
    });
  });

  it("answers 422 with the reason when the database is not empty, never an empty 500", async () => {
    const response = await postBackup(upload("/api/backup", backupJson));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/empty/i);
  });
});
