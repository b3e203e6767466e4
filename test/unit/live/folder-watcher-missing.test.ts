import { mkdtempSync, rmSync } from "node:fs";
import { unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeckEventBus, type DeckEvent } from "@/app/lib/live/deck-events";
import { watchContentFolder, type FolderWatcher } from "@/app/lib/live/folder-watcher";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/databases";

const cells = "# Cells\n\n- What is the powerhouse of the cell?\n  The mitochondria\n";

async function waitFor<T>(check: () => Promise<T | null | undefined>, timeoutMs = 5_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The watcher's side of a file leaving the notes folder: retire on 'unlink', bring back on 'add'.
describe("notes folder watcher: removed files (SQLite)", () => {
  let db: TestDatabase;
  let dir: string;
  let watcher: FolderWatcher;
  let events: DeckEvent[];

  beforeEach(async () => {
    db = await createTestDatabase("sqlite");
    dir = mkdtempSync(path.join(os.tmpdir(), "notecards-watch-missing-"));
    events = [];
    const bus = createDeckEventBus();
    bus.subscribe((event) => events.push(event));
    watcher = watchContentFolder({ prisma: db.prisma, contentDir: dir, bus });
    await watcher.ready;
  });
  afterEach(async () => {
    await watcher.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const deck = () => db.prisma.deck.findUnique({ where: { slug: "cells" } });

  it("marks the deck missing when its file is deleted, and clears it when the file returns", async () => {
    const file = path.join(dir, "cells.md");
    await writeFile(file, cells);
    const created = await waitFor(deck);
    const cardIds = (await db.prisma.card.findMany({ where: { deckId: created.id } })).map((card) => card.id);

    events.length = 0;
    await unlink(file);
    const gone = await waitFor(async () => ((await deck())?.missingAt ? deck() : null));
    expect(gone?.id).toBe(created.id);
    expect(events).toContainEqual(expect.objectContaining({ type: "deck-changed", slug: "cells" }));
    // Retired, not deleted: the cards stay, live, for when the file returns.
    expect(await db.prisma.card.count({ where: { deckId: created.id, retiredAt: null } })).toBe(
      cardIds.length,
    );

    await writeFile(file, cells);
    const back = await waitFor(async () => {
      const row = await deck();
      return row && row.missingAt === null ? row : null;
    });
    expect(back.id).toBe(created.id);
    expect((await db.prisma.card.findMany({ where: { deckId: created.id } })).map((card) => card.id)).toEqual(
      cardIds,
    );
  });
});
