import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { ParsedCard, ParsedDeck } from "@/app/lib/cards/types";
import { decodeMarkdown, ImportError, parseText, toSourcePath } from "@/app/lib/import";
import { readArgs, wantsHelp } from "../args";
import { exitCode, type CliIo, type Command } from "../command";

const usage = `Usage: cards parse <file.md> [--json]

Shows the cards a markdown file yields, without touching the database.

  --json   print only a JSON array of { kind, front, back, line, context } to stdout
           (warnings go to stderr)
  -h, --help`;

const parseArgsSchema = z.object({
  positionals: z.array(z.string()).length(1, { message: "expected exactly one markdown file" }),
  values: z.object({ json: z.boolean().optional() }),
});

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

/** `cards parse <file.md> [--json]`: the parser's view of one file. */
export const parseCommand: Command = {
  summary: "show the cards a markdown file yields (--json for a machine-readable list)",
  usage,
  async run(args: string[], io: CliIo) {
    if (wantsHelp(args)) {
      io.stdout(`${usage}\n`);
      return exitCode.ok;
    }
    const { positionals, values } = readArgs(args, { json: { type: "boolean" } }, parseArgsSchema);
    const file = path.resolve(io.cwd, positionals[0]!);
    const sourcePath = toSourcePath(file, io.cwd);
    try {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (cause) {
        throw new ImportError(
          sourcePath,
          `cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"})`,
        );
      }
      const deck = parseText(decodeMarkdown(bytes, sourcePath), sourcePath, path.basename(file));
      if (values.json) {
        io.stdout(`${JSON.stringify(deck.cards.map(publicCard), null, 2)}\n`);
        for (const w of deck.warnings) io.stderr(`${sourcePath}:${w.line}: warning: ${w.message}\n`);
      } else {
        io.stdout(describeDeck(deck, sourcePath));
      }
      if (deck.cards.length === 0) io.stderr(`${sourcePath}: no cards found\n`);
      return exitCode.ok;
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      io.stderr(`error: ${error.message}\n`);
      return exitCode.failed;
    }
  },
};
