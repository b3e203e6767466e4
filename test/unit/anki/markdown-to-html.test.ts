import { describe, expect, it } from "vitest";
import { ankiFieldToMarkdown } from "@/app/lib/anki/html-to-markdown";
import { markdownToAnkiHtml } from "@/app/lib/anki/markdown-to-html";
import { hostileLinks, unsafeUrls } from "./unsafe-urls";

describe("card markdown -> Anki field HTML", () => {
  it.each(hostileLinks)("writes no unsafe URL for %j", (markdown) => {
    const field = markdownToAnkiHtml(markdown);
    expect(unsafeUrls(field.html)).toEqual([]);
    expect(field.media).toEqual([]);
  });

  it("keeps http(s) and mailto links, and points the deck's media at their file names", () => {
    const field = markdownToAnkiHtml(
      "[site](https://example.com/a?b=1) ![cat](/media/spanish/cat.png) [mail](mailto:a@example.com)",
    );
    expect(field.html).toBe(
      '<a href="https://example.com/a?b=1">site</a> <img src="cat.png" alt="cat"> <a href="mailto:a@example.com">mail</a>',
    );
    expect(field.media).toEqual([{ deckSlug: "spanish", fileName: "cat.png" }]);
  });

  it("lists a media file whose link was dropped as no media to pack", () => {
    const field = markdownToAnkiHtml("![a](/media/d/ok.png) ![b](/media/d/javascript%3Ax.png)");
    expect(field.media).toEqual([{ deckSlug: "d", fileName: "ok.png" }]);
    expect(field.html).toBe('<img src="ok.png" alt="a"> <img alt="b">');
  });

  it("writes math with the delimiters Anki's MathJax reads, never as emphasis", () => {
    expect(markdownToAnkiHtml("Dot: $a_1 * b_2 < c$").html).toBe("Dot: \\(a_1 * b_2 &#x3C; c\\)");
    const display = markdownToAnkiHtml("Sum:\n\n$$\n\\sum_{i=1}^n i\n$$");
    expect(display.html).toBe("<p>Sum:</p>\n<p>\\[\\sum_{i=1}^n i\\]</p>");
    expect(display.text).toBe("Sum:\\[\\sum_{i=1}^n i\\]");
  });

  it("reads Anki's MathJax back as math, so a card survives export and import", () => {
    const options = { mediaUrl: () => null };
    expect(ankiFieldToMarkdown("Dot: \\(a_1 * b_2 &lt; c\\)<br>\\[\\sum_i i\\] done", options)).toBe(
      "Dot: $a_1 * b_2 < c$\n$\\sum_i i$ done",
    );
    const side = "The area is $\\pi r^2$ and $x_1 * y_2$";
    expect(ankiFieldToMarkdown(markdownToAnkiHtml(side).html, options)).toBe(side);
  });
});
