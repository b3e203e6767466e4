import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { exportDeckApkg } from "@/app/lib/anki/export-apkg";
import { mediaDirFrom } from "@/app/lib/anki/media-path";
import { openDatabase } from "@/app/lib/database/client";
import { exportDeckCsv } from "@/app/lib/export/csv-export";
import { ExportError } from "@/app/lib/export/errors";
import { exportDeckMarkdown } from "@/app/lib/export/markdown-export";
import { localUserId } from "@/app/lib/auth/local-learner";
import { readArgs, wantsHelp } from "../args";
import { displayPath, exitCode, readCommandEnv, UsageError, type CliIo, type Command } from "../command";

const usage = `Usage: cards export <deck-slug> [--format md|csv|apkg] [--out <file>]

Writes one deck from the database named by DATABASE_URL, as the local learner sees it (the shared
decks and the local learner's own).
  --format md    markdown in the explicit card syntax (default): importing it gives the same cards
  --format csv   front,back,kind,context,line (RFC 4180; Anki can import it)
  --anki-headers with csv: Anki's #separator/#html/#columns lines instead of a header row
  --format apkg  an Anki package with the review history of the local learner and the media
                 files (from MEDIA_DIR, default data/media)
  --out <file>   where to write (default <deck-slug>.<format>); "-" writes md/csv to stdout
  -h, --help`;

const exportArgsSchema = z.object({
  positionals: z.array(z.string().min(1)).length(1, { message: "expected exactly one deck slug" }),
  values: z.object({
    format: z.enum(["md", "csv", "apkg"], { message: "--format must be md, csv or apkg" }).default("md"),
    out: z.string().min(1).optional(),
    "anki-headers": z.boolean().optional(),
  }),
});

/** Writes next to the target and renames, so a failed export never leaves half a file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/** `cards export <deck-slug> --format md|csv|apkg --out <file>`. */
export const exportCommand: Command = {
  summary: "write a deck as markdown, CSV or an Anki package (.apkg)",
  usage,
  async run(args: string[], io: CliIo) {
    if (wantsHelp(args)) {
      io.stdout(`${usage}\n`);
      return exitCode.ok;
    }
    const { positionals, values } = readArgs(
      args,
      { format: { type: "string" }, out: { type: "string" }, "anki-headers": { type: "boolean" } },
      exportArgsSchema,
    );
    const slug = positionals[0]!;
    if (values.format === "apkg" && values.out === "-")
      throw new UsageError("an .apkg cannot be written to stdout; give --out <file>");
    const env = readCommandEnv(io);
    const db = await openDatabase(env.DATABASE_URL);
    try {
      let data: string | Uint8Array;
      let fileName: string;
      const warnings: string[] = [];
      let summary = "";
      if (values.format === "apkg") {
        const result = await exportDeckApkg(db.prisma, slug, {
          userId: localUserId,
          mediaDir: path.resolve(io.cwd, mediaDirFrom(io.env)),
        });
        ({ bytes: data, fileName } = result);
        warnings.push(...result.warnings);
        summary = `${result.notes} notes, ${result.cards} cards, ${result.reviews} reviews, ${result.media} media files`;
      } else if (values.format === "csv") {
        ({ csv: data, fileName } = await exportDeckCsv(db.prisma, slug, {
          userId: localUserId,
          ankiHeaders: values["anki-headers"],
        }));
      } else {
        const result = await exportDeckMarkdown(db.prisma, slug, { userId: localUserId });
        ({ markdown: data, fileName } = result);
        warnings.push(...result.warnings);
      }
      for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
      if (values.out === "-") {
        io.stdout(String(data));
        return exitCode.ok;
      }
      const out = path.resolve(io.cwd, values.out ?? fileName);
      await writeFileAtomic(out, data);
      io.stdout(`${slug} -> ${displayPath(io, out)}${summary ? ` (${summary})` : ""}\n`);
      return exitCode.ok;
    } catch (error) {
      if (!(error instanceof ExportError)) throw error;
      io.stderr(`error: ${error.message}\n`);
      return exitCode.failed;
    } finally {
      await db.close();
    }
  },
};
