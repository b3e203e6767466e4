import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { ParsedCard, ParsedDeck } from "@/app/lib/cards/types";
import {
  decodeMarkdown,
  ImportError,
  listMarkdownFiles,
  parseText,
  readNoteFile,
  toSourcePath,
} from "@/app/lib/import";
import { readArgs, wantsHelp } from "../args";
import { exitCode, type CliIo, type Command } from "../command";

const usage = `Usage: cards parse <file.md | folder>... [--json]

Shows the cards markdown files yield, without touching the database. A folder is searched for .md
files recursively, as \`cards import\` does.

  --json   print only JSON to stdout (warnings go to stderr): for one file, an array of
           { kind, front, back, line, context }; for several, an array of { file, cards }
  -h, --help`;

const parseArgsSchema = z.object({
  positionals: z.array(z.string()).min(1, { message: "expected a markdown file or a folder" }),
  values: z.object({ json: z.boolean().optional() }),
});

/** The files named: each file as given, each folder as the markdown files under it. */
async function filesOf(paths: string[], cwd: string): Promise<{ files: string[]; folders: number }> {
  const files: string[] = [];
  let folders = 0;
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    const isFolder = await stat(full).then(
      (found) => found.isDirectory(),
      () => false,
    );
    if (isFolder) folders += 1;
    files.push(...(isFolder ? await listMarkdownFiles(full) : [full]));
  }
  return { files, folders };
}

/** The fields a person or a script checks; `key` and the deck metadata are left out. */
function publicCard(card: ParsedCard) {
  return { kind: card.kind, front: card.front, back: card.back, line: card.line, context: card.context };
}

/** Continuation lines of a multi-line side line up under its first line. */
function indent(text: string, prefix: string): string {
  return text.split("\n").join(`\n${" ".repeat(prefix.length)}`);
}

function describeDeck(deck: ParsedDeck, sourcePath: string): string {
  const lines = [
    `${sourcePath}: "${deck.title}" (${deck.slug}), ${deck.cards.length} cards, ${deck.warnings.length} warnings`,
  ];
  deck.cards.forEach((card, index) => {
    const where = [
      card.kind,
      `line ${card.line}`,
      ...(card.context.length ? [card.context.join(" > ")] : []),
    ];
    const number = `${String(index + 1).padStart(4)}. `;
    lines.push("", `${number}${where.join(" · ")}`);
    const pad = " ".repeat(number.length);
    lines.push(`${pad}Q: ${indent(card.front, `${pad}Q: `)}`, `${pad}A: ${indent(card.back, `${pad}A: `)}`);
  });
  if (deck.warnings.length) {
    lines.push("", "Warnings:", ...deck.warnings.map((w) => `  ${sourcePath}:${w.line}: ${w.message}`));
  }
  return `${lines.join("\n")}\n`;
}

/** `cards parse <file.md | folder>... [--json]`: the parser's view of some files. */
export const parseCommand: Command = {
  summary: "show the cards markdown files yield (--json for a machine-readable list)",
  usage,
  async run(args: string[], io: CliIo) {
    if (wantsHelp(args)) {
      io.stdout(`${usage}\n`);
      return exitCode.ok;
    }
    const { positionals, values } = readArgs(args, { json: { type: "boolean" } }, parseArgsSchema);
    const { files, folders } = await filesOf(positionals, io.cwd);
    // One file keeps the plain array its scripts read; a folder or several files name each file.
    const several = files.length !== 1 || folders > 0;
    const results: { file: string; cards: ReturnType<typeof publicCard>[] }[] = [];
    let failed = false;
    for (const file of files) {
      const sourcePath = toSourcePath(file, io.cwd);
      try {
        const bytes = await readNoteFile(file, sourcePath);
        const deck = parseText(decodeMarkdown(bytes, sourcePath), sourcePath, path.basename(file));
        if (values.json) {
          results.push({ file: sourcePath, cards: deck.cards.map(publicCard) });
          for (const w of deck.warnings) io.stderr(`${sourcePath}:${w.line}: warning: ${w.message}\n`);
        } else {
          io.stdout(describeDeck(deck, sourcePath));
        }
        if (deck.cards.length === 0) io.stderr(`${sourcePath}: no cards found\n`);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        io.stderr(`error: ${error.message}\n`);
        failed = true;
      }
    }
    if (values.json && (several || !failed)) {
      const json = several ? results : (results[0]?.cards ?? []);
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    }
    if (files.length === 0) io.stderr("no markdown files found\n");
    return failed ? exitCode.failed : exitCode.ok;
  },
};
