import { z } from "zod";
import { getTrashWith } from "@/app/lib/data/trash-reads";
import { localUserId } from "@/app/lib/auth/local-learner";
import { openDatabase } from "@/app/lib/database/client";
import { DeckStateError, restoreDeck } from "@/app/lib/decks/deck-trash";
import { readArgs, wantsHelp } from "../args";
import { exitCode, readCommandEnv, type CliIo, type Command } from "../command";

const usage = `Usage: cards trash [--restore <deck-slug>]

Lists the decks in the trash of the database named by DATABASE_URL (deleted on a deck's page),
with their cards and when each is deleted for good; decks past their 30 days are purged first.
It acts as the local learner, who manages the shared (notes-folder) decks and their own.
  --restore <slug>  takes that deck out of the trash, with its cards and history
  -h, --help`;

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

const trashArgsSchema = z.object({
  positionals: z.array(z.string()).max(0, { message: "trash takes no positional arguments" }),
  values: z.object({ restore: z.string().min(1).optional() }),
});

/** `cards trash [--restore <slug>]`. */
export const trashCommand: Command = {
  summary: "list the decks in the trash, or restore one (--restore <slug>)",
  usage,
  async run(args: string[], io: CliIo) {
    if (wantsHelp(args)) {
      io.stdout(`${usage}\n`);
      return exitCode.ok;
    }
    const { values } = readArgs(args, { restore: { type: "string" } }, trashArgsSchema);
    const env = readCommandEnv(io);
    const db = await openDatabase(env.DATABASE_URL);
    try {
      const trash = await getTrashWith(db.prisma, new Date());
      if (values.restore !== undefined) {
        const deck = trash.find((row) => row.slug === values.restore);
        if (!deck) {
          io.stderr(`error: no deck "${values.restore}" in the trash\n`);
          return exitCode.failed;
        }
        await restoreDeck(db.prisma, deck.id, { userId: localUserId, accounts: false });
        io.stdout(
          `restored ${deck.slug}: ${plural(deck.cardCount, "card")}, ${plural(deck.reviewCount, "review")}\n`,
        );
        return exitCode.ok;
      }
      if (trash.length === 0) io.stdout("The trash is empty.\n");
      for (const deck of trash)
        io.stdout(
          `${deck.slug}\t${deck.title}\t${plural(deck.cardCount, "card")}, ${plural(deck.reviewCount, "review")}\t` +
            `deleted for good on ${deck.expiresAt.toISOString().slice(0, 10)}\n`,
        );
      return exitCode.ok;
    } catch (error) {
      if (!(error instanceof DeckStateError)) throw error;
      io.stderr(`error: ${error.message}\n`);
      return exitCode.failed;
    } finally {
      await db.close();
    }
  },
};
