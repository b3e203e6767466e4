import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { restoreBackup } from "@/app/lib/backup/restore-backup";
import { BackupError } from "@/app/lib/backup/schema";
import { openDatabase } from "@/app/lib/database/client";
import { readArgs, wantsHelp } from "../args";
import { exitCode, readCommandEnv, UsageError, type CliIo, type Command } from "../command";
import { findCliLearner, userOptionHelp } from "../learner";

const usage = `Usage: cards restore <backup.json> [--user <email>]

Restores a backup made by \`cards backup\` into the database named by DATABASE_URL. For the local
learner the database must be empty (no decks, cards, states or review logs): point DATABASE_URL at a
new database. For an account (--user) the account must have no decks or progress yet; shared decks
already here are kept as they are, the backup's other decks become the account's own. Everything is
restored in one transaction, with the original ids and timestamps, or nothing is.
${userOptionHelp}
  -h, --help`;

const restoreArgsSchema = z.object({
  positionals: z.array(z.string().min(1)).length(1, { message: "expected exactly one backup file" }),
  values: z.object({ user: z.string().min(1).optional() }),
});

/** `cards restore <file>`. */
export const restoreCommand: Command = {
  summary: "restore a JSON backup into an empty database",
  usage,
  async run(args: string[], io: CliIo) {
    if (wantsHelp(args)) {
      io.stdout(`${usage}\n`);
      return exitCode.ok;
    }
    const { positionals, values } = readArgs(args, { user: { type: "string" } }, restoreArgsSchema);
    const env = readCommandEnv(io);
    const file = path.resolve(io.cwd, positionals[0]!);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (cause) {
      throw new UsageError(
        `${positionals[0]}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
    const db = await openDatabase(env.DATABASE_URL);
    try {
      const learner = await findCliLearner(db.prisma, values.user);
      if (!learner) throw new BackupError(`No account with the email "${values.user}"`);
      const counts = await restoreBackup(db.prisma, text, learner);
      io.stdout(
        `restored ${positionals[0]}: ${counts.decks} decks, ${counts.cards} cards, ${counts.cardStates} card states, ` +
          `${counts.reviewLogs} review logs\n`,
      );
      return exitCode.ok;
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      io.stderr(`error: ${error.message}\n`);
      return exitCode.failed;
    } finally {
      await db.close();
    }
  },
};
