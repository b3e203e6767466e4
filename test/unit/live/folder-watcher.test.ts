import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeckEventBus, type DeckEvent } from "@/app/lib/live/deck-events";
import { watchContentFolder, type FolderWatcher } from "@/app/lib/live/folder-watcher";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/databases";

const deckV1 =
  "# Cells\n\n- What is the powerhouse of the cell?\n  The mitochondria\n- What holds the DNA?\n  The nucleus\n";
const deckV2 =
  "# Cells\n\n- What is the powerhouse of the cell?\n  Mitochondria, which make ATP\n- What holds the DNA?\n  The nucleus\n";
const broken = "---\ntitle: [unclosed\n---\n\n- What is the powerhouse of the cell?\n  Something else\n";

/** Polls until `check` returns a value, failing after `timeoutMs`. Returns the value and the wait. */
async function waitFor<T>(
  check: () => Promise<T | null | undefined>,
  timeoutMs: number,
): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    const ms = performance.now() - start;
    if (value !== null && value !== undefined) return { value, ms };
    if (ms > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("notes folder watcher (SQLite)", () => {
  let db: TestDatabase;
  let dir: string;
  let watcher: FolderWatcher;
  let events: DeckEvent[];

  beforeEach(async () => {
    db = await createTestDatabase("sqlite");
    dir = mkdtempSync(path.join(os.tmpdir(), "notecards-watch-"));
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

  const cardsOf = (slug: string) =>
    db.prisma.card.findMany({
      where: { deck: { slug }, retiredAt: null },
      orderBy: { position: "asc" },
      select: { id: true, front: true, back: true },
    });
  const deckRow = (slug: string) =>
    db.prisma.deck.findUnique({ where: { slug }, select: { lastError: true } });

  // How fast is a benchmark's question (the machines are shared): here, that it happens at all.
  it("imports a new file and publishes the change", async () => {
    await writeFile(path.join(dir, "cells.md"), deckV1);
    const { value: cards } = await waitFor(async () => {
      const cards = await cardsOf("cells");
      return cards.length === 2 ? cards : null;
    }, 5_000);
    expect(cards[0]?.back).toContain("The mitochondria");
    expect(events).toContainEqual(expect.objectContaining({ type: "deck-changed", slug: "cells" }));
  });

  it("keeps the deck as it was on a broken save, records the error, and clears it once fixed", async () => {
    const file = path.join(dir, "cells.md");
    await writeFile(file, deckV1);
    const { value: before } = await waitFor(async () => {
      const cards = await cardsOf("cells");
      return cards.length === 2 ? cards : null;
    }, 3_000);

    await writeFile(file, broken);
    const { value: error, ms } = await waitFor(async () => (await deckRow("cells"))?.lastError, 3_000);
    expect(ms).toBeLessThan(1_000);
    expect(error).toMatch(/cells\.md/);
    expect(await cardsOf("cells")).toEqual(before);
    expect(events).toContainEqual(expect.objectContaining({ type: "deck-failed", slug: "cells" }));

    await writeFile(file, deckV2);
    await waitFor(async () => ((await deckRow("cells"))?.lastError === null ? true : null), 3_000);
    const after = await cardsOf("cells");
    // Same card row (progress kept), new answer text.
    expect(after[0]?.id).toBe(before[0]?.id);
    expect(after[0]?.back).toContain("make ATP");
  });

  it("ignores files that are not markdown, and hidden files and folders as `cards import` does", async () => {
    await writeFile(path.join(dir, "notes.txt"), deckV1);
    await writeFile(path.join(dir, ".#cells.md"), deckV1);
    await mkdir(path.join(dir, ".obsidian"));
    await writeFile(path.join(dir, ".obsidian", "cells.md"), deckV1);
    await writeFile(
      path.join(dir, "atoms.md"),
      "# Atoms\n\n- What is at the centre of an atom?\n  The nucleus\n",
    );
    await waitFor(async () => ((await cardsOf("atoms")).length === 1 ? true : null), 3_000);
    expect(await db.prisma.deck.count()).toBe(1);
  });
});
