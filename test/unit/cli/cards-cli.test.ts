/** The `cards` command end to end: spawned through tsx the way `npm run cards` runs it. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/app/lib/database/client";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

// Each test spawns the CLI (a tsx process) several times: seconds each on a busy shared machine. The
// bound only keeps a hung process from stalling the run; it measures nothing.
vi.setConfig({ testTimeout: 180_000 });

const repo = path.resolve(import.meta.dirname, "../../..");
const fixtures = "test/fixtures/import";
const tsx = path.join(repo, "node_modules/.bin/tsx");

function cards(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(tsx, ["app/lib/cli/cards.ts", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "notecards-cli-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("cards parse", () => {
  it("--json prints only a JSON array of the cards", () => {
    const { code, stdout } = cards(["parse", `${fixtures}/decks/physics/motion.md`, "--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Record<string, unknown>[];
    expect(parsed).toHaveLength(3);
    for (const card of parsed)
      expect(Object.keys(card).sort()).toEqual(["back", "context", "front", "kind", "line"]);
    expect(parsed[0]).toEqual({
      kind: "basic",
      front: "What does Newton's first law say?",
      back: "An object keeps its velocity unless a net force acts on it.",
      line: 5,
      context: ["Newton's laws"],
    });
  });

  it("without --json prints a numbered list", () => {
    const { code, stdout } = cards(["parse", `${fixtures}/decks/physics/motion.md`]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${fixtures}/decks/physics/motion.md: "Motion" (motion), 3 cards`);
    expect(stdout).toMatch(
      / {3}1\. basic · line 5 · Newton's laws\n\s+Q: What does Newton's first law say\?\n\s+A: An object/,
    );
    expect(stdout).toMatch(/ {3}3\. basic · line 11 · /);
  });

  it("fails naming the file and line when the file cannot be parsed", () => {
    const { code, stdout, stderr } = cards(["parse", `${fixtures}/broken/bad-front-matter.md`, "--json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`${fixtures}/broken/bad-front-matter\\.md:\\d+: Invalid front matter`));
  });

  it("is a usage error (exit 2) without a file", () => {
    const { code, stderr } = cards(["parse"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: cards parse <file.md | folder>... [--json]");
  });

  it("reads several files, or a folder recursively, naming each file in --json", () => {
    const folder = cards(["parse", `${fixtures}/decks`, "--json"]);
    expect(folder.code).toBe(0);
    const decks = JSON.parse(folder.stdout) as { file: string; cards: unknown[] }[];
    expect(decks.map((deck) => deck.file)).toEqual([
      `${fixtures}/decks/cells.md`,
      `${fixtures}/decks/physics/motion.md`,
    ]);
    expect(decks[1]?.cards).toHaveLength(3);
    const two = cards(["parse", `${fixtures}/decks/physics/motion.md`, `${fixtures}/decks/cells.md`]);
    expect(two.code).toBe(0);
    expect(two.stdout).toContain(`${fixtures}/decks/physics/motion.md: "Motion" (motion), 3 cards`);
    expect(two.stdout).toContain(`${fixtures}/decks/cells.md: `);
  });

  it("refuses a note over the size limit by its size, naming the file, before reading it", () => {
    const big = path.join(tmp, "huge.md");
    // 2.6 MiB of one repeated line: over the 2 MiB limit.
    writeFileSync(big, "- **What is a cell?** The unit of life.\n".repeat(70_000));
    const { code, stderr } = cards(["parse", big, "--json"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/huge\.md: is 2\.[0-9] MB; notes up to 2\.0 MB are read/);
  });
});

describe("cards import", () => {
  it("imports a folder, prints counts per deck, and reports an unchanged re-import", async () => {
    const url = `file:${path.join(tmp, "decks.db")}`;
    const first = cards(["import", `${fixtures}/decks`], { DATABASE_URL: url });
    expect(first.stderr).not.toContain("error");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `${fixtures}/decks/cells.md -> cells: created, 5 new / 0 updated / 0 retired / 0 unchanged`,
    );
    expect(first.stdout).toContain(
      `${fixtures}/decks/physics/motion.md -> motion: created, 3 new / 0 updated / 0 retired / 0 unchanged`,
    );
    expect(first.stdout).toContain("2 files: 2 created, 0 updated, 0 unchanged, 0 failed; cards: 8 new");

    const second = cards(["import", `${fixtures}/decks`], { DATABASE_URL: url });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("cells: unchanged, 0 new / 0 updated / 0 retired / 5 unchanged");

    const db = await openDatabase(url);
    try {
      // The files' cards (their term cards' reverse cards are stored too, apart).
      expect(await db.prisma.card.count({ where: notReverseCard })).toBe(8);
      expect(
        (await db.prisma.deck.findMany({ orderBy: { slug: "asc" } })).map((deck) => deck.sourcePath),
      ).toEqual([`${fixtures}/decks/cells.md`, `${fixtures}/decks/physics/motion.md`]);
    } finally {
      await db.close();
    }
  });

  it("exits 1 naming each broken file (and line), after importing the others", () => {
    const folder = path.join(tmp, "mixed");
    cpSync(path.join(repo, fixtures, "broken"), folder, { recursive: true });
    writeFileSync(
      path.join(folder, "latin1.md"),
      Buffer.from([0x2d, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x3f, 0x0a]),
    );
    const { code, stdout, stderr } = cards(["import", folder], {
      DATABASE_URL: `file:${path.join(tmp, "mixed.db")}`,
    });
    expect(code).toBe(1);
    const shown = path.join(folder).split(path.sep).join("/");
    expect(stderr).toMatch(new RegExp(`error: ${shown}/bad-front-matter\\.md:\\d+: Invalid front matter`));
    expect(stderr).toContain(
      `error: ${shown}/latin1.md: is not UTF-8 text (invalid byte at offset 5 / line 1)`,
    );
    expect(stderr).toContain(`error: ${shown}/no-cards.md: has no cards`);
    expect(stdout).toContain(`${shown}/ok.md -> ok: created, 1 new`);
    expect(stdout).toContain("4 files: 1 created, 0 updated, 0 unchanged, 3 failed");
  });

  it("shows progress on stderr for folders of more than 20 files, and imports CONTENT_DIR by default", () => {
    const folder = path.join(tmp, "many");
    for (let n = 1; n <= 21; n++) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        path.join(folder, `deck-${String(n).padStart(2, "0")}.md`),
        `- **What is ${n}?**\n\n  Answer ${n}.\n`,
      );
    }
    const { code, stdout, stderr } = cards(["import"], {
      DATABASE_URL: `file:${path.join(tmp, "many.db")}`,
      CONTENT_DIR: folder,
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[1\/21\] .*deck-01\.md\n/);
    expect(stderr).toMatch(/\[21\/21\] .*deck-21\.md\n/);
    expect(stdout).not.toContain("[1/21]");
    expect(stdout).toContain("21 files: 21 created");
  });

  it("notes a failed import on the file's deck, and clears it when the file imports again", async () => {
    const file = path.join(tmp, "later-broken.md");
    const url = `file:${path.join(tmp, "later-broken.db")}`;
    writeFileSync(file, "- **Is this fine?**\n\n  Yes.\n");
    expect(cards(["import", file], { DATABASE_URL: url }).code).toBe(0);
    writeFileSync(file, "---\ntitle: [oops\n---\n- **Is this fine?**\n\n  No.\n");
    const broken = cards(["import", file], { DATABASE_URL: url });
    expect(broken.code).toBe(1);
    const lastError = async () => {
      const db = await openDatabase(url);
      try {
        return (await db.prisma.deck.findFirstOrThrow()).lastError;
      } finally {
        await db.close();
      }
    };
    expect(await lastError()).toMatch(/later-broken\.md:\d+: Invalid front matter/);
    writeFileSync(file, "- **Is this fine?**\n\n  Yes, again.\n");
    expect(cards(["import", file], { DATABASE_URL: url }).code).toBe(0);
    expect(await lastError()).toBeNull();
  });

  it("imports a single file, and fails with exit 1 for a single broken one", () => {
    const env = { DATABASE_URL: `file:${path.join(tmp, "single.db")}` };
    const good = cards(["import", `${fixtures}/cells.md`], env);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(
      `${fixtures}/cells.md -> cells: created, 5 new / 0 updated / 0 retired / 0 unchanged`,
    );
    const bad = cards(["import", `${fixtures}/broken/no-cards.md`], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`error: ${fixtures}/broken/no-cards.md: has no cards`);
  });

  it("is a usage error (exit 2) for a path that does not exist", () => {
    const { code, stderr } = cards(["import", "no/such/folder"], {
      DATABASE_URL: `file:${path.join(tmp, "none.db")}`,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("no/such/folder: no such file or folder");
    // A missing default content folder is not an error: `npm start` runs this on fresh checkouts.
    const none = cards(["import"], {
      DATABASE_URL: `file:${path.join(tmp, "none.db")}`,
      CONTENT_DIR: path.join(tmp, "absent"),
    });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain("nothing to import");
  });
});

describe("cards", () => {
  it("--help lists the commands; an unknown command is a usage error", () => {
    const help = cards(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/parse +show the cards/);
    expect(help.stdout).toMatch(/import +import a markdown/);
    expect(cards(["import", "--help"]).stdout).toContain(
      "Exit codes: 0 all imported, 1 some file failed, 2 usage error.",
    );
    const unknown = cards(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it("keeps --json output valid JSON under `npm run --silent`", () => {
    const run = spawnSync(
      "npm",
      ["run", "--silent", "cards", "--", "parse", `${fixtures}/cells.md`, "--json"],
      {
        cwd: repo,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(5);
  });
});
