/** YAML front matter -> the deck fields it may set. */
import type { Yaml } from "mdast";
import { parseDocument } from "yaml";
import { DeckParseError } from "./types";

export interface FrontMatter {
  title?: string;
  slug?: string;
  tags?: string[];
  description?: string;
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

/**
 * Reads the front matter node. Throws DeckParseError at the offending source line when the YAML is
 * broken or is not a mapping.
 */
export function readFrontMatter(node: Yaml, file: string | undefined): FrontMatter {
  // The node's first line is the opening `---`; YAML line 1 is the line after it.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const document = parseDocument(node.value, { prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const yamlLine = node.value.slice(0, error.pos[0]).split("\n").length;
    const reason = error.message.split("\n")[0] ?? "invalid YAML";
    throw new DeckParseError(`Invalid front matter: ${reason}`, { file, line: firstLine + yamlLine - 1 });
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new DeckParseError("Invalid front matter: expected `key: value` pairs", { file, line: firstLine });
  }
  const record = data as Record<string, unknown>;
  return {
    title: asText(record.title),
    slug: asText(record.slug),
    tags: asTags(record.tags ?? record.tag),
    description: asText(record.description),
  };
}
