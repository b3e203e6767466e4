import type { Link } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "@/app/lib/cards/markdown";

// parseMarkdown skips GFM's literal-autolink pass for text that cannot hold a literal link; these
// guard that the shortcut never changes a tree.

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

function links(markdown: string): string[] {
  const found: string[] = [];
  visit(parseMarkdown(markdown), "link", (node: Link) => void found.push(node.url));
  return found;
}

describe("literal autolinks", () => {
  it("still links bare URLs, www. addresses and e-mail addresses", () => {
    expect(
      links(
        "Docs at https://example.org/a, mirror www.example.com, ask help@example.com or WWW.Example.net.",
      ),
    ).toEqual([
      "https://example.org/a",
      "http://www.example.com",
      "mailto:help@example.com",
      "http://WWW.Example.net",
    ]);
  });

  it("gives remark's own tree for text with no literal link in it", () => {
    const markdown =
      "# Cells\n\n- **What is ATP?**\n\n  The `energy` currency of the *cell*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    const strip = (tree: unknown) =>
      JSON.parse(JSON.stringify(tree, (key, value) => (key === "data" ? undefined : value)));
    expect(strip(parseMarkdown(markdown).children)).toEqual(strip(remark.parse(markdown).children));
  });
});
