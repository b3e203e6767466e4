/**
 * `npm run test:crash [-- --notes 2000 --kills 10 --seed 42]`: kills `cards import big.apkg` with
 * SIGKILL at random moments and checks that every deck is whole afterwards and that no staging
 * folder outlives the next start.
 *
 * The package is test/fixtures/anki/large-apkg.ts: by default 2,000 notes, 2,800 cards, 14,000
 * reviews and 100 images, so that the run takes minutes, not tens of minutes, on a two-core
 * machine; `--notes 14286 --kills 20` is the scale of the issue (20,000 cards, 100,000 reviews, 10
 * kills per database). Version 2 of the package edits version 1.
 *
 * Per database (SQLite, and PostgreSQL when a server answers at TEST_POSTGRES_URL): version 1 is
 * imported whole into a template, and version 2 whole over a copy of it; both prove the checker
 * passes a whole deck and time the kill windows. The kills then take turns between the databases.
 * Each imports version 2 into an empty database or, every other time, over a copy of the template,
 * and is killed at a random moment of the writing phase (from its staging folder appearing in
 * MEDIA_DIR to where a whole import ends) or, every third time, of the whole run from the process
 * start (most of an import is reading and converting, where a kill can break nothing).
 *
 * After each kill the database alone must hold a whole deck (deck-check.ts), old or new; after the
 * next start (`cards import` of an empty CONTENT_DIR, which `npm start` runs first) no
 * `.incoming-*` folder may be left and the deck must be whole with all its media. The last line is
 * `N kills (...): P partial decks, O orphan staging folders`; the exit code is 1 unless both are 0.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/app/lib/database/client";
import { buildLargeApkg } from "@/test/fixtures/anki/large-apkg";
import { adminUrl, postgresUnavailable, testProviders, type TestProvider } from "@/test/helpers/databases";
import { runCards, type CardsRun } from "./cards-process";
import { crashDatabases, type CrashDatabases } from "./crash-databases";
import { checkDecks, type CheckOptions, type DeckCheck } from "./deck-check";

const argsSchema = z.object({
  notes: z.coerce.number().int().min(100).default(2_000),
  kills: z.coerce.number().int().min(1).max(100).default(10),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .default(() => Date.now() % 1_000_000),
});
const { values } = parseArgs({
  options: { notes: { type: "string" }, kills: { type: "string" }, seed: { type: "string" } },
});
const args = argsSchema.parse(values);

/** mulberry32: the kill moments of a run can be replayed with its seed (timings still vary). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const nextRandom = random(args.seed);

const started = performance.now();
const root = mkdtempSync(path.join(os.tmpdir(), "notecards-crash-"));
const contentDir = path.join(root, "content");
mkdirSync(contentDir);
const versions = {
  1: buildLargeApkg({ notes: args.notes, version: 1 }),
  2: buildLargeApkg({ notes: args.notes, version: 2 }),
};
const packageFile = (version: 1 | 2) => path.join(root, `v${version}`, "big.apkg");
for (const version of [1, 2] as const) {
  mkdirSync(path.dirname(packageFile(version)));
  writeFileSync(packageFile(version), versions[version].bytes);
}
console.log(
  `Package: ${versions[1].cards} cards, ${versions[1].reviews} reviews, ${versions[1].images.size} images ` +
    `(version 2: ${versions[2].cards} cards, ${versions[2].reviews} reviews); seed ${args.seed}`,
);
if (postgresUnavailable) console.log(`PostgreSQL skipped: ${postgresUnavailable}`);

const stagingFolders = (mediaDir: string) => {
  try {
    return readdirSync(mediaDir).filter((name) => name.startsWith(".incoming-"));
  } catch {
    return [];
  }
};

/** True once the import has started staging media: it is about to write. */
const staging = (mediaDir: string) => () => stagingFolders(mediaDir).length > 0;

async function check(url: string, options: Omit<CheckOptions, "versions">): Promise<DeckCheck> {
  const db = await openDatabase(url);
  try {
    return await checkDecks(db.prisma, { versions, ...options });
  } finally {
    await db.close();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function expectDone(run: CardsRun, what: string): void {
  if (run.exitCode !== 0) throw new Error(`${what} failed (exit ${run.exitCode}):\n${run.output}`);
}

interface KillResult {
  provider: TestProvider;
  partial: boolean;
  orphans: number;
  outcome: string;
}

interface ProviderSetup {
  provider: TestProvider;
  databases: CrashDatabases;
  templateMedia: string;
  /** Whole imports: version 1 into the empty template, version 2 over a copy of it. */
  first: CardsRun;
  over: CardsRun;
}

const env = (url: string, mediaDir: string) => ({
  DATABASE_URL: url,
  MEDIA_DIR: mediaDir,
  CONTENT_DIR: contentDir,
});
const writing = (run: CardsRun) => run.ms - (run.fromMs ?? 0);

/** Whole imports first: the template, the kill windows, and proof that the checker passes a whole deck. */
async function prepare(provider: TestProvider): Promise<ProviderSetup> {
  const databases = await crashDatabases(provider, { dir: path.join(root, provider), adminUrl });
  allDatabases.push(databases);
  const templateMedia = path.join(root, provider, "media-template");
  const first = await runCards(["import", packageFile(1)], env(databases.templateUrl, templateMedia), {
    from: staging(templateMedia),
  });
  expectDone(first, `${provider}: importing version 1`);
  const template = await check(databases.templateUrl, { overVersion1: false, media: { dir: templateMedia } });
  if (template.outcome !== "version 1" || template.problems.length)
    throw new Error(
      `${provider}: a whole import of version 1 fails the check: ${template.problems.join("; ")}`,
    );

  const overMedia = path.join(root, provider, "media-over");
  cpSync(templateMedia, overMedia, { recursive: true });
  const overUrl = await databases.create("over", "template");
  const over = await runCards(["import", packageFile(2)], env(overUrl, overMedia), {
    from: staging(overMedia),
  });
  expectDone(over, `${provider}: importing version 2 over version 1`);
  const overCheck = await check(overUrl, { overVersion1: true, media: { dir: overMedia } });
  if (overCheck.outcome !== "version 2" || overCheck.problems.length)
    throw new Error(
      `${provider}: a whole import of version 2 over 1 fails the check: ${overCheck.problems.join("; ")}`,
    );
  await databases.drop(overUrl);
  rmSync(overMedia, { recursive: true, force: true });
  timings.push(
    `${provider}: whole import ${seconds(first.ms)} (writing ${seconds(writing(first))}), ` +
      `over version 1 ${seconds(over.ms)} (writing ${seconds(writing(over))})`,
  );
  console.log(timings.at(-1));
  return { provider, databases, templateMedia, first, over };
}

/** The `index`-th kill on one database: even ones import over version 1, every third kills anywhere. */
async function killRun({ provider, databases, templateMedia, first, over }: ProviderSetup, index: number) {
  const overVersion1 = index % 2 === 0;
  const anywhere = index % 3 === 0;
  const whole = overVersion1 ? over : first;
  let window = anywhere ? whole.ms : writing(whole);
  const name = `run${index}`;
  const mediaDir = path.join(root, provider, `media-${name}`);
  let url = "";
  let killed: CardsRun | undefined;
  // A kill that comes after the import finished is no kill: try again, earlier.
  for (let attempt = 0; attempt < 5 && !killed; attempt++) {
    url = await databases.create(name, overVersion1 ? "template" : "empty");
    if (overVersion1) cpSync(templateMedia, mediaDir, { recursive: true });
    const plan = { killAfterMs: nextRandom() * window, from: anywhere ? undefined : staging(mediaDir) };
    const attemptRun = await runCards(["import", packageFile(2)], env(url, mediaDir), plan);
    if (attemptRun.killed) killed = attemptRun;
    else {
      window = Math.min(window, anywhere ? attemptRun.ms : writing(attemptRun));
      await databases.drop(url);
      rmSync(mediaDir, { recursive: true, force: true });
    }
  }
  if (!killed) throw new Error(`${provider}: ${name} finished before every kill`);

  const afterKill = await check(url, { overVersion1, media: null });
  const staged = stagingFolders(mediaDir).length;
  const nextStart = await runCards(["import"], env(url, mediaDir));
  expectDone(nextStart, `${provider}: the start after ${name}`);
  const afterStart = await check(url, { overVersion1, media: { dir: mediaDir } });
  const orphans = stagingFolders(mediaDir).length;
  const problems = [
    ...afterKill.problems.map((problem) => `after the kill: ${problem}`),
    ...afterStart.problems.map((problem) => `after the next start: ${problem}`),
  ];
  if (!overVersion1 && afterKill.outcome === "version 1")
    problems.push("version 1 in a database it was never imported into");
  if (afterKill.outcome !== afterStart.outcome)
    problems.push(`the next start changed the deck from ${afterKill.outcome} to ${afterStart.outcome}`);
  results.push({ provider, partial: problems.length > 0, orphans, outcome: afterKill.outcome });
  const when = anywhere
    ? `${seconds(killed.ms)} after the start (a whole import takes ~${seconds(whole.ms)})`
    : `${seconds(killed.ms - (killed.fromMs ?? 0))} into writing (~${seconds(writing(whole))})`;
  console.log(
    `${provider} ${name} (version 2 ${overVersion1 ? "over version 1" : "into an empty database"}): ` +
      `killed ${when} -> ${afterKill.outcome}; ` +
      `staging folders after the kill: ${staged}, after the next start: ${orphans}` +
      (problems.length ? `\n  PARTIAL: ${problems.join("\n  PARTIAL: ")}` : ""),
  );
  await databases.drop(url);
  rmSync(mediaDir, { recursive: true, force: true });
}

const results: KillResult[] = [];
const timings: string[] = [];
const setups: ProviderSetup[] = [];
const allDatabases: CrashDatabases[] = [];
try {
  for (const provider of testProviders) setups.push(await prepare(provider));
  // The kills take turns between the databases.
  for (let kill = 0; kill < args.kills; kill++) {
    await killRun(setups[kill % setups.length]!, Math.floor(kill / setups.length) + 1);
  }
} finally {
  for (const databases of allDatabases) await databases.dropAll();
  rmSync(root, { recursive: true, force: true });
}

const partial = results.filter((result) => result.partial).length;
const orphans = results.reduce((sum, result) => sum + result.orphans, 0);
const outcomes = new Map<string, number>();
for (const result of results) outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
console.log(
  `Decks right after the kills: ${[...outcomes].map(([outcome, count]) => `${count} ${outcome}`).join(", ")}; ` +
    `${timings.join("; ")}; total ${seconds(performance.now() - started)}`,
);
const perProvider = testProviders
  .map((provider) => `${results.filter((result) => result.provider === provider).length} ${provider}`)
  .join(", ");
console.log(
  `${results.length} kills (${perProvider}): ${partial} partial decks, ${orphans} orphan staging folders`,
);
process.exitCode = partial === 0 && orphans === 0 ? 0 : 1;
