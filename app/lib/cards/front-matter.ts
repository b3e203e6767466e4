/** YAML front matter -> the deck fields it may set. */
import type { Yaml } from "mdast";
import { parseDocument } from "yaml";
import { DeckParseError } from "./types";

export interface FrontMatter {
  title?: string;
  slug?: string;
  tags?: string[];
  description?: string;
  /** `facts: false`: bold and code in prose make no cloze cards in this deck. */
  facts?: boolean;
  /** The note's own Obsidian Spaced Repetition separators (`separator: ";;"`). */
  separators?: {
    inline?: string;
    inlineReversed?: string;
    multiline?: string;
    multilineReversed?: string;
  };
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|yes|on)$/i.test(value.trim())) return true;
  if (typeof value === "string" && /^(false|no|off)$/i.test(value.trim())) return false;
  return undefined;
}

/** A separator as written in front matter: a short run of punctuation, never blank. */
function asSeparator(value: unknown): string | undefined {
  const text = typeof value === "string" ? value.trim() : undefined;
  return text && text.length <= 5 && !/[\p{L}\p{N}\s]/u.test(text) ? text : undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  return undefined;
}

/**
 * `tags: [a, b]`, `tags: a, b` and `tags: a b` all mean the same (with commas, a tag may hold a space:
 * `cell biology, genetics`); Obsidian's `#tag` loses its `#`.
 */
function asTags(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const text = Array.isArray(value) ? "" : (asText(value) ?? "");
  const raw = Array.isArray(value)
    ? value.map((item) => asText(item) ?? "")
    : text.split(text.includes(",") ? "," : /\s+/);
  const tags = raw.map((tag) => tag.trim().replace(/^#/, "")).filter((tag) => tag !== "");
  return [...new Set(tags)];
}

/** `key: value` where the unquoted value itself holds `: ` (`title: Glossary: Cell Biology`). */
const PLAIN_VALUE_WITH_COLON = /^([ \t]*[\p{L}\p{N}_-]+:[ \t]+)([^\s'"[{|>&*!#%@`][^\n]*?:[ \t][^\n]*)$/gmu;

/**
 * The YAML with such values quoted, as Obsidian and Dendron read them (strict YAML takes the second
 * `: ` for a nested mapping and refuses the line).
 */
function quotePlainValues(yaml: string): string {
  return yaml.replace(
    PLAIN_VALUE_WITH_COLON,
    (_, key: string, value: string) => key + JSON.stringify(value.trim()),
  );
}

/**
 * Reads the front matter node. Throws DeckParseError at the offending source line when the YAML is
 * broken (beyond unquoted values holding `: `) or is not a mapping.
 */
export function readFrontMatter(node: Yaml, file: string | undefined): FrontMatter {
  // The node's first line is the opening `---`; YAML line 1 is the line after it.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  let yaml = node.value;
  let document = parseDocument(yaml, { prettyErrors: false });
  if (document.errors.length > 0) {
    // Quoting keeps every line where it was, so an error left is still reported at its line.
    yaml = quotePlainValues(yaml);
    document = parseDocument(yaml, { prettyErrors: false });
  }
  const error = document.errors[0];
  if (error) {
    const yamlLine = yaml.slice(0, error.pos[0]).split("\n").length;
    const reason = error.message.split("\n")[0] ?? "invalid YAML";
    throw new DeckParseError(`Invalid front matter: ${reason}`, { file, line: firstLine + yamlLine - 1 });
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new DeckParseError("Invalid front matter: expected `key: value` pairs", { file, line: firstLine });
  }
  const record = data as Record<string, unknown>;
  const separators = {
    inline: asSeparator(record.separator ?? record["sr-separator"]),
    inlineReversed: asSeparator(record["reversed-separator"]),
    multiline: asSeparator(record["multiline-separator"]),
    multilineReversed: asSeparator(record["multiline-reversed-separator"]),
  };
  return {
    title: asText(record.title),
    slug: asText(record.slug),
    tags: asTags(record.tags ?? record.tag),
    description: asText(record.description),
    facts: asBoolean(record.facts ?? record["prose-facts"]),
    separators: Object.values(separators).some(Boolean) ? separators : undefined,
  };
}
