import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDeck } from "@/app/lib/actions/import-deck";
import { updateDeckSource } from "@/app/lib/actions/update-deck-source";
import {
  deckMarkdownMaxBytes,
  markdownPayloadBytes,
  serverActionBodyMaxBytes,
} from "@/app/lib/upload-limits";
import type { OpenDatabase } from "@/app/lib/database/client";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/databases";

// The add-deck and edit forms post markdown to Server Actions, whose bodies Next cuts at
// serverActionBodyMaxBytes. The markdown limit stays below it, measured in bytes as posted.

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
};

describe("markdown size limit", () => {
  // Should the limit fail, the save lands in a test database rather than the project's own.
  const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    appDb.notecardsDb = Promise.resolve(db);
  });
  afterAll(async () => {
    delete appDb.notecardsDb;
    await db?.destroy();
  });

  it("measures UTF-8 bytes with each line break as the CRLF a form post sends", () => {
    expect(markdownPayloadBytes(["a\nb"])).toBe(4);
    expect(markdownPayloadBytes(["a\r\nb", "é"])).toBe(6);
    expect(markdownPayloadBytes(["細胞"])).toBe(6);
    expect(deckMarkdownMaxBytes).toBeLessThan(serverActionBodyMaxBytes - 64 * 1024);
  });

  it("refuses markdown over the limit before parsing, with the app's message", async () => {
    // 404,000 characters (under the old 900,000-character rule) but 1.2 MB of UTF-8. Plain prose,
    // so that a save the limit failed to stop would end quickly (no cards) rather than hang.
    const text = `# 細胞\n\n${`${"細胞".repeat(50)}\n`.repeat(4_000)}`;
    expect(text.length).toBeLessThan(900_000);
    expect(markdownPayloadBytes([text])).toBeGreaterThan(deckMarkdownMaxBytes);
    const added = await importDeck(
      { status: "idle" },
      form([
        ["markdown", text],
        ["fileName", ""],
      ]),
    );
    expect(added).toMatchObject({ status: "error" });
    expect(added.status === "error" && added.message).toMatch(
      /^That is \d+ KB of markdown, more than the 900 KB one save can take: add the files a few at a time\.$/,
    );
    const edited = await updateDeckSource("cells", { status: "idle" }, form([["markdown", text]]));
    expect(edited.status === "error" && edited.message).toMatch(/split the deck in two/);
    expect(await db.prisma.deck.count()).toBe(0);
  });
});
