import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/app/lib/cli/run";
import { buildFixtureApkg } from "@/test/fixtures/anki/build-apkg";

function makeCli(dir: string, database: string) {
  return async (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: {
        NODE_ENV: "test",
        DATABASE_URL: `file:${path.join(dir, database)}`,
        MEDIA_DIR: path.join(dir, "media"),
      },
      cwd: dir,
    });
    return { code, stdout, stderr };
  };
}

describe("cards backup / cards restore", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "cards-backup-cli-"));
    writeFileSync(path.join(dir, "Spanish.apkg"), buildFixtureApkg());
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up, restores into a new database, and the second backup holds the same data", async () => {
    const first = makeCli(dir, "first.db");
    expect((await first("import", "Spanish.apkg")).code).toBe(0);
    const backup = await first("backup", "--out", "one.json");
    expect(backup).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/1 decks, 7 cards, 4 card states, 7 review logs/),
    });

    const second = makeCli(dir, "second.db");
    const restore = await second("restore", "one.json");
    expect(restore).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/restored one\.json: 1 decks, 7 cards/),
    });
    expect((await second("backup", "--out", "two.json")).code).toBe(0);
    const read = (file: string) => {
      const { createdAt: _createdAt, ...rest } = JSON.parse(
        readFileSync(path.join(dir, file), "utf8"),
      ) as Record<string, unknown>;
      return rest;
    };
    expect(read("two.json")).toEqual(read("one.json"));

    const again = await second("restore", "one.json");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/error: Restore needs an empty database/);
  });

  it("refuses a file that is not a backup, and a missing file", async () => {
    writeFileSync(path.join(dir, "junk.json"), JSON.stringify({ hello: "world" }));
    const cli = makeCli(dir, "third.db");
    expect(await cli("restore", "junk.json")).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a valid notecards backup/),
    });
    expect(await cli("restore", "missing.json")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/missing\.json: cannot be read \(ENOENT\)/),
    });
    expect(await cli("backup", "--user", "ghost@example.com")).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No account with the email "ghost@example.com"/),
    });
  });
});
