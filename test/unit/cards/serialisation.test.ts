/** Card sides are clean markdown: the author's markup kept, no escapes nobody wrote, no trailing newline. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, visible } from "./helpers";

const only = (markdown: string) => {
  const deck = parseDeck(markdown);
  expect(deck.cards).toHaveLength(1);
  return deck.cards[0]!;
};

describe("card markdown", () => {
  it("adds no escapes to brackets, asterisks, underscores or ampersands", () => {
    const card = only(
      "- **What does `a[i] * 2` do?**\n\n        Doubles the element at index [i] of a_b_c; costs 3*4 ops & <1ms.\n",
    );
    expect(card.front).toBe("What does `a[i] * 2` do?");
    expect(card.back).toBe("Doubles the element at index [i] of a_b_c; costs 3*4 ops & <1ms.");
  });

  it("keeps escapes the author did write", () => {
    expect(only("**Asterisk**: written as \\* in markdown, e.g. *italics*.").back).toBe(
      "written as \\* in markdown, e.g. *italics*.",
    );
    expect(only("- **What is the formula?**\n  Use \\* for multiplication.").back).toBe(
      "Use \\* for multiplication.",
    );
  });

  it("keeps links, images, lists and fenced code in answers", () => {
    const card = only(
      [
        "- **How are arrays written?**",
        '  Like [1, 2, 3] or with `Array.of()` — see [MDN](https://developer.mozilla.org "MDN docs").',
        "  1. first",
        "  2. second",
        "",
        "     ![diagram](a.png)",
        "",
        "  ```js",
        "  const a = [1, 2];",
        "  ```",
      ].join("\n"),
    );
    expect(card.back).toBe(
      [
        'Like [1, 2, 3] or with `Array.of()` — see [MDN](https://developer.mozilla.org "MDN docs").',
        "",
        "1. first",
        "2. second",
        "",
        "   ![diagram](a.png)",
        "",
        "```js",
        "const a = [1, 2];",
        "```",
      ].join("\n"),
    );
    expect(card.back.endsWith("\n")).toBe(false);
  });

  it("keeps tables in answers", () => {
    expect(only("## What are the units?\n\n| Quantity | Unit |\n| --- | --- |\n| mass | kg |\n").back).toBe(
      "| Quantity | Unit |\n| -------- | ---- |\n| mass     | kg   |",
    );
  });

  it("drops footnote markers, whose notes a card does not carry, and makes no card of the notes", () => {
    const deck = parseDeck(
      "- **Militarism** — the naval race[^1].\n- **Alliances** — two blocs.\n\n[^1]: HMS **Dreadnought**, 1906.\n",
    );
    expect(visible(deck)).toEqual([
      basic(1, [], "Militarism", "the naval race."),
      basic(2, [], "Alliances", "two blocs."),
    ]);
  });
});
