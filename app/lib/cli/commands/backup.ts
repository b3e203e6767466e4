import path from "node:path";
import { z } from "zod";
import { ensureUser } from "@/app/lib/actions/grading";
import { createBackup } from "@/app/lib/backup/create-backup";
import { BackupError } from "@/app/lib/backup/schema";
import { openDatabase } from "@/app/lib/database/client";
import { readArgs, wantsHelp } from "../args";
import { displayPath, exitCode, readCommandEnv, type CliIo, type Command } from "../command";
import { findCliLearner, userOptionHelp } from "../learner";
import { writeFileAtomic } from "./export";

const usage = `Usage: cards backup [--out <file>] [--user <email>]

Writes one learner's card states, review logs, settings and marks, with their own decks and the
shared ones (cards included), from the database named by DATABASE_URL to a JSON file (default
notecards-backup-<date>.json). Restore it with \`cards restore <file>\`.
${userOptionHelp}
  -h, --help`;

const backupArgsSchema = z.object({
  positionals: z.array(z.string()).max(0, { message: "backup takes no positional arguments (use --out)" }),
  values: z.object({ out: z.string().min(1).optional(), user: z.string().min(1).optional() }),
});

/** `cards backup --out <file>`. */
export const backupCommand: Command = {
  summary: "write one learner's decks, cards, states and review logs to a JSON backup",
  usage,
  async run(args: string[], io: CliIo) {
    if (wantsHelp(args)) {
      io.stdout(`${usage}\n`);
      return exitCode.ok;
    }
    const { values } = readArgs(
      args,
      { out: { type: "string" }, user: { type: "string" } },
      backupArgsSchema,
    );
    const env = readCommandEnv(io);
    const now = new Date();
    const out = path.resolve(io.cwd, values.out ?? `notecards-backup-${now.toISOString().slice(0, 10)}.json`);
    const db = await openDatabase(env.DATABASE_URL);
    try {
      const learner = await findCliLearner(db.prisma, values.user);
      if (!learner) throw new BackupError(`No account with the email "${values.user}"`);
      await ensureUser(db.prisma, learner.userId);
      const backup = await createBackup(db.prisma, learner.userId, now);
      await writeFileAtomic(out, `${JSON.stringify(backup, null, 1)}\n`);
      io.stdout(
        `backup -> ${displayPath(io, out)}: ${backup.decks.length} decks, ${backup.cards.length} cards, ` +
          `${backup.cardStates.length} card states, ${backup.reviewLogs.length} review logs\n`,
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
