import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { importApkgFile } from "@/app/lib/anki/import-apkg";
import { recoverStagedMedia } from "@/app/lib/anki/media-staging";
import { purgeExpiredDecks } from "@/app/lib/decks/deck-trash";
import { openDatabase } from "@/app/lib/database/client";
import {
  importFile,
  ImportError,
  importFolder,
  recordImportError,
  toSourcePath,
  type FileOutcome,
  type ImportResult,
} from "@/app/lib/import";
import { readArgs, wantsHelp } from "../args";
import { localUserId } from "@/app/lib/auth/local-learner";
import { exitCode, readCommandEnv, UsageError, type CliIo, type Command } from "../command";

const usage = `Usage: cards import [file-or-folder]

An .apkg file is imported as an Anki package (notes, media into MEDIA_DIR, review history), as a
deck of the local learner's own. Markdown files become the shared decks every learner studies.

Imports markdown decks into the database named by DATABASE_URL (default file:./data/notecards.db).
A folder is searched recursively for .md files; without an argument, CONTENT_DIR (default content).
Cards are matched by their question: edited cards keep their history, cards gone from the file are
retired (hidden, history kept), unchanged files are skipped.

Exit codes: 0 all imported, 1 some file failed, 2 usage error.
  -h, --help`;

const importArgsSchema = z.object({
  positionals: z.array(z.string()).max(1, { message: "expected at most one file or folder" }),
  values: z.object({}),
});

// Below this many files a progress line per file would only repeat the result lines.
const progressThreshold = 20;

function describeResult(sourcePath: string, result: ImportResult): string {
  const { counts } = result;
  return (
    `${sourcePath} -> ${result.deck.slug}: ${result.status}, ` +
    `${counts.new} new / ${counts.updated} updated / ${counts.retired} retired / ${counts.unchanged} unchanged`
  );
}

function summarise(outcomes: FileOutcome[]): string {
  const statuses = { created: 0, updated: 0, unchanged: 0 };
  const cards = { new: 0, updated: 0, retired: 0, unchanged: 0 };
  let failed = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      failed++;
      continue;
    }
    statuses[outcome.result.status]++;
    for (const key of Object.keys(cards) as (keyof typeof cards)[]) cards[key] += outcome.result.counts[key];
  }
  return (
    `${outcomes.length} file${outcomes.length === 1 ? "" : "s"}: ${statuses.created} created, ` +
    `${statuses.updated} updated, ${statuses.unchanged} unchanged, ${failed} failed; ` +
    `cards: ${cards.new} new, ${cards.updated} updated, ${cards.retired} retired, ${cards.unchanged} unchanged`
  );
}

/** The file or folder to import, resolved against the working directory; null when absent. */
async function resolveTarget(target: string, cwd: string): Promise<{ full: string; isDir: boolean } | null> {
  const full = path.resolve(cwd, target);
  try {
    return { full, isDir: (await stat(full)).isDirectory() };
  } catch {
    return null;
  }
}

/** `cards import [file-or-folder]`: markdown -> database, one transaction per deck. */
export const importCommand: Command = {
  summary: "import a markdown file or folder (default CONTENT_DIR) into the database",
  usage,
  async run(args: string[], io: CliIo) {
    if (wantsHelp(args)) {
      io.stdout(`${usage}\n`);
      return exitCode.ok;
    }
    const { positionals } = readArgs(args, {}, importArgsSchema);
    const env = readCommandEnv(io);
    const explicit = positionals[0];
    const target = await resolveTarget(explicit ?? env.CONTENT_DIR, io.cwd);
    if (!target) {
      if (explicit !== undefined) throw new UsageError(`${explicit}: no such file or folder`);
      // `npm start` imports before building; a checkout without notes still has an app to run.
      io.stderr(`No content folder at ${env.CONTENT_DIR} (CONTENT_DIR): nothing to import.\n`);
      return exitCode.ok;
    }

    const db = await openDatabase(env.DATABASE_URL);
    let outcomes: FileOutcome[];
    try {
      // `npm start` and `npm run dev` import first: this is where a killed import gets settled.
      const recovered = await recoverStagedMedia(db.prisma, path.resolve(io.cwd, env.MEDIA_DIR));
      if (recovered.published + recovered.discarded) {
        io.stderr(
          `Media left by an interrupted Anki import: ${recovered.published} folder(s) moved into place, ` +
            `${recovered.discarded} removed.\n`,
        );
      }
      // Decks past their time in the trash go now, a bounded batch per run.
      await purgeExpiredDecks(db.prisma, new Date());
      if (target.isDir) {
        outcomes = await importFolder(db.prisma, target.full, {
          root: io.cwd,
          onMissing: (slugs) =>
            io.stderr(
              `File gone, deck hidden from study until it returns (history kept): ${slugs.join(", ")}\n`,
            ),
          onProgress: ({ index, total, sourcePath }) => {
            if (total > progressThreshold) io.stderr(`[${index}/${total}] ${sourcePath}\n`);
          },
        });
      } else {
        const sourcePath = toSourcePath(target.full, io.cwd);
        try {
          outcomes = [
            {
              sourcePath,
              ok: true,
              result: /\.apkg$/i.test(target.full)
                ? await importApkgFile(db.prisma, target.full, {
                    userId: localUserId,
                    root: io.cwd,
                    mediaDir: path.resolve(io.cwd, env.MEDIA_DIR),
                  })
                : await importFile(db.prisma, target.full, { root: io.cwd }),
            },
          ];
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          outcomes = [{ sourcePath, ok: false, error }];
        }
      }
      // The deck page shows why its file no longer imports; the import itself changed nothing.
      for (const outcome of outcomes) {
        if (!outcome.ok) await recordImportError(db.prisma, outcome.sourcePath, outcome.error.message);
      }
    } finally {
      await db.close();
    }

    for (const outcome of outcomes) {
      if (outcome.ok) {
        io.stdout(`${describeResult(outcome.sourcePath, outcome.result)}\n`);
        for (const w of outcome.result.warnings)
          io.stderr(`${outcome.sourcePath}:${w.line}: warning: ${w.message}\n`);
      } else {
        io.stderr(`error: ${outcome.error.message}\n`);
      }
    }
    if (outcomes.length === 0) io.stderr(`No .md files under ${toSourcePath(target.full, io.cwd) || "."}.\n`);
    io.stdout(`${summarise(outcomes)}\n`);
    const failures = outcomes.filter((outcome) => !outcome.ok);
    if (failures.length) {
      io.stderr(
        `${failures.length} file${failures.length === 1 ? "" : "s"} failed to import: ${failures.map((f) => f.sourcePath).join(", ")}\n`,
      );
      return exitCode.failed;
    }
    return exitCode.ok;
  },
};
