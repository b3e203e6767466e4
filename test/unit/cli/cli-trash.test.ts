/** `cards trash` and what `cards import` says about files gone from the folder, spawned as `npm run cards` runs. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/app/lib/database/client";

// Spawns tsx several times: seconds each on a busy shared machine; the bound only stops a hang.
vi.setConfig({ testTimeout: 180_000 });

const repo = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(repo, "node_modules/.bin/tsx");

let tmp: string;
let env: Record<string, string>;
function cards(args: string[]) {
  const run = spawnSync(tsx, ["app/lib/cli/cards.ts", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "notecards-cli-trash-"));
  env = { DATABASE_URL: `file:${path.join(tmp, "db.sqlite")}`, MEDIA_DIR: path.join(tmp, "media") };
  writeFileSync(path.join(tmp, "cells.md"), "# Cells\n\n- What is a cell?\n  A unit of life\n");
  writeFileSync(path.join(tmp, "atoms.md"), "# Atoms\n\n- What is an atom?\n  A unit of matter\n");
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("cards trash", () => {
  it("lists the decks in the trash and restores one by slug", async () => {
    expect(cards(["import", tmp]).code).toBe(0);
    expect(cards(["trash"]).stdout).toBe("The trash is empty.\n");

    const db = await openDatabase(env.DATABASE_URL!);
    try {
      await db.prisma.deck.update({ where: { slug: "cells" }, data: { deletedAt: new Date() } });
    } finally {
      await db.close();
    }
    const listed = cards(["trash"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^cells\tCells\t1 card, 0 reviews\tdeleted for good on \d{4}-\d\d-\d\d\n$/);

    expect(cards(["trash", "--restore", "nope"])).toMatchObject({
      code: 1,
      stderr: 'error: no deck "nope" in the trash\n',
    });
    expect(cards(["trash", "--restore", "cells"])).toMatchObject({
      code: 0,
      stdout: "restored cells: 1 card, 0 reviews\n",
    });
    expect(cards(["trash"]).stdout).toBe("The trash is empty.\n");
  });

  it("import says which decks lost their file", () => {
    unlinkSync(path.join(tmp, "atoms.md"));
    const run = cards(["import", tmp]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("File gone, deck hidden from study until it returns (history kept): atoms");
  });
});
