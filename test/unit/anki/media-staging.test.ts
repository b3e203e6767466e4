import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importApkg } from "@/app/lib/anki/import-apkg";
import {
  foreignStagingAfterMs,
  recoverStagedMedia,
  stageMedia,
  stagingHost,
} from "@/app/lib/anki/media-staging";
import { buildFixtureApkg } from "@/test/fixtures/anki/build-apkg";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date("2026-02-01T00:00:00.000Z");
const dogPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]);

/** A pid no process has any more: a child's, once it has exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe.each(testProviders)("media staged by a killed import, on %s", (provider) => {
  let db: TestDatabase;
  let mediaDir: string;
  let manifest: { sourcePath: string; sourceHash: string; slug: string };

  /**
   * A staging folder as a process that died left it: files, and the manifest when given. `pid` is
   * a number (a folder named before hosts were in the name) or `<host>.<pid>`.
   */
  function leftBehind(pid: number | string, files: Record<string, Uint8Array>, staged?: object): string {
    const dir = path.join(mediaDir, `.incoming-${pid}.${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    if (staged) writeFileSync(path.join(dir, ".staged.json"), JSON.stringify(staged));
    return path.basename(dir);
  }

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    mediaDir = mkdtempSync(path.join(os.tmpdir(), "anki-staging-"));
    const imported = await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { id: imported.deck.id } });
    manifest = { sourcePath: deck.sourcePath!, sourceHash: deck.sourceHash!, slug: deck.slug };
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("moves the media of an import that committed into place, and removes those of imports that did not", async () => {
    leftBehind(deadPid(), { "dog.png": dogPng }, manifest);
    // Our own pid, but not staged by this process: a previous process's (a restarted container).
    leftBehind(
      process.pid,
      { "ghost.png": dogPng },
      { ...manifest, sourceHash: "an import that rolled back" },
    );
    leftBehind(deadPid(), { "half.png": dogPng.slice(0, 3) });
    leftBehind(deadPid(), { "other.png": dogPng }, { ...manifest, sourcePath: "anki:Never stored.apkg" });
    leftBehind(deadPid(), {}, { broken: true });

    expect(await recoverStagedMedia(db.prisma, mediaDir)).toEqual({ published: 1, discarded: 4 });
    expect(readdirSync(mediaDir).sort()).toEqual(["spanish"]);
    expect(readdirSync(path.join(mediaDir, "spanish")).sort()).toEqual(["cat.png", "dog.png"]);
    expect(new Uint8Array(readFileSync(path.join(mediaDir, "spanish", "dog.png")))).toEqual(dogPng);
  });

  it("finishes moving the media of an import killed half way through moving them", async () => {
    const name = leftBehind(deadPid(), { "owl.png": dogPng }, manifest);
    writeFileSync(path.join(mediaDir, "spanish", "bee.png"), dogPng);
    expect(await recoverStagedMedia(db.prisma, mediaDir)).toEqual({ published: 1, discarded: 0 });
    expect(existsSync(path.join(mediaDir, name))).toBe(false);
    expect(readdirSync(path.join(mediaDir, "spanish")).sort()).toEqual([
      "bee.png",
      "cat.png",
      "dog.png",
      "owl.png",
    ]);
  });

  it("leaves alone what an import still running is staging, in this process or another", async () => {
    const other = leftBehind(process.ppid, { "busy.png": dogPng });
    const ours = await stageMedia(mediaDir, manifest, [["mine.png", dogPng]]);
    expect(await recoverStagedMedia(db.prisma, mediaDir)).toEqual({ published: 0, discarded: 0 });
    expect(readdirSync(mediaDir).sort()).toEqual([other, path.basename(ours!.dir), "spanish"].sort());
    await ours!.discard();
    rmSync(path.join(mediaDir, other), { recursive: true });
  });

  it("names its folders after this host, and settles this host's folders by their pid", async () => {
    const ours = await stageMedia(mediaDir, manifest, [["mine.png", dogPng]]);
    expect(path.basename(ours!.dir).startsWith(`.incoming-${stagingHost()}.${process.pid}.`)).toBe(true);
    await ours!.discard();
    const running = leftBehind(`${stagingHost()}.${process.ppid}`, { "busy.png": dogPng });
    leftBehind(`${stagingHost()}.${deadPid()}`, { "dead.png": dogPng });
    expect(await recoverStagedMedia(db.prisma, mediaDir)).toEqual({ published: 0, discarded: 1 });
    expect(readdirSync(mediaDir).sort()).toEqual([running, "spanish"].sort());
    rmSync(path.join(mediaDir, running), { recursive: true });
  });

  it("leaves another host's folder alone, whatever its pid, until it is older than any import takes", async () => {
    // A pid that is dead here may be a live import on the machine that staged it.
    const name = leftBehind(`${stagingHost("other.machine")}.${deadPid()}`, { "far.png": dogPng }, manifest);
    expect(stagingHost("other.machine")).toBe("other-machine");
    expect(await recoverStagedMedia(db.prisma, mediaDir)).toEqual({ published: 0, discarded: 0 });
    const old = (Date.now() - foreignStagingAfterMs - 60_000) / 1000;
    utimesSync(path.join(mediaDir, name), old, old);
    expect(await recoverStagedMedia(db.prisma, mediaDir)).toEqual({ published: 1, discarded: 0 });
    expect(readdirSync(mediaDir)).toEqual(["spanish"]);
    expect(readdirSync(path.join(mediaDir, "spanish"))).toContain("far.png");
  });

  it("costs one listing when there is nothing to do, and nothing when the media folder does not exist", async () => {
    expect(await recoverStagedMedia(db.prisma, mediaDir)).toEqual({ published: 0, discarded: 0 });
    expect(await recoverStagedMedia(db.prisma, path.join(mediaDir, "not-there"))).toEqual({
      published: 0,
      discarded: 0,
    });
  });
});
