import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/app/lib/cli/run";
import { buildFixtureApkg } from "@/test/fixtures/anki/build-apkg";

/** Runs `cards ...` in-process against a SQLite file in a temp folder. */
function makeCli(dir: string) {
  return async (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: {
        NODE_ENV: "test",
        DATABASE_URL: `file:${path.join(dir, "cards.db")}`,
        MEDIA_DIR: path.join(dir, "media"),
      },
      cwd: dir,
    });
    return { code, stdout, stderr };
  };
}

describe("cards import <file.apkg> and cards export", () => {
  let dir: string;
  let cards: ReturnType<typeof makeCli>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "cards-export-cli-"));
    cards = makeCli(dir);
    writeFileSync(path.join(dir, "Spanish.apkg"), buildFixtureApkg());
    writeFileSync(path.join(dir, "broken.apkg"), "not a zip at all");
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports an .apkg through the import command, naming the unknown note type", async () => {
    const run = await cards("import", "Spanish.apkg");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Spanish\.apkg -> spanish: created, 7 new/);
    expect(run.stderr).toMatch(/Vocab \(3 fields\)/);
    expect(readFileSync(path.join(dir, "media", "spanish", "cat.png")).length).toBeGreaterThan(0);
  });

  it("refuses a broken .apkg with a one-line error and exit code 1", async () => {
    const run = await cards("import", "broken.apkg");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /error: broken\.apkg: This is not an Anki package: the file is not a zip archive/,
    );
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exports markdown, CSV and apkg files", async () => {
    const md = await cards("export", "spanish", "--format", "md", "--out", "out.md");
    expect(md).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(path.join(dir, "out.md"), "utf8")).toContain("perro ::: dog");

    const csv = await cards("export", "spanish", "--format", "csv", "--out", "-");
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe("front,back,kind,context,line");
    expect(csv.stdout).toContain('"to eat\n(a verb)",basic,Verbs,');

    const anki = await cards("export", "spanish", "--format", "csv", "--anki-headers", "--out", "-");
    expect(
      anki.stdout.startsWith("#separator:comma\r\n#html:false\r\n#columns:front,back,kind,context,line\r\n"),
    ).toBe(true);

    const apkg = await cards("export", "spanish", "--format", "apkg", "--out", "copy.apkg");
    expect(apkg.code).toBe(0);
    expect(apkg.stdout).toMatch(/5 notes, 7 cards, 7 reviews, 1 media files/);
    expect(Object.keys(unzipSync(readFileSync(path.join(dir, "copy.apkg")))).sort()).toEqual([
      "0",
      "collection.anki2",
      "media",
    ]);
  });

  it("reports an unknown deck and bad arguments", async () => {
    expect(await cards("export", "nope")).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No deck with slug "nope"/),
    });
    expect(await cards("export", "spanish", "--format", "pdf")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format must be md, csv or apkg/),
    });
    expect(await cards("export")).toMatchObject({ code: 2 });
  });
});
