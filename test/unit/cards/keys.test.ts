/** Card keys: stable when only the answer (or the front's formatting) changes; duplicates warn. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";

const keysOf = (markdown: string) => parseDeck(markdown).cards.map((card) => card.key);

describe("card keys", () => {
  it("keeps the key when only the answer is edited, for every kind of card", () => {
    const before = [
      "- **What is TCP?**\n  A transport protocol.",
      "**Osmosis**: diffusion of water.",
      "| Term | Meaning |\n| --- | --- |\n| hola | hello |",
      "Largest ocean:::Pacific",
      "The {{c1::heart}} pumps blood.",
      "The ==lungs== exchange gases.",
    ].join("\n\n");
    const after = before
      .replace("A transport protocol.", "A reliable, connection-oriented transport protocol.")
      .replace("diffusion of water.", "diffusion of water across a membrane.")
      .replace("| hello |", "| hi |")
      .replace("Pacific", "The Pacific Ocean")
      .replace("{{c1::heart}}", "{{c1::human heart::organ}}")
      .replace("==lungs==", "==alveoli==");
    expect(keysOf(after)).toEqual(keysOf(before));
    expect(keysOf(before)).toHaveLength(7);
  });

  it("keeps the key when the front's bold, case, spacing or Unicode form is fixed", () => {
    const [original] = keysOf("- What is the **OSI** model?\n  Seven layers.");
    expect(keysOf("- What  is the OSI model?\n  Seven layers.")).toEqual([original]);
    expect(keysOf("- **What is the OSI model?**\n  Seven layers.")).toEqual([original]);
    expect(keysOf("- what is the *OSI* model?\n  Seven layers.")).toEqual([original]);
    expect(keysOf("**Cafe\u0301**: a coffee shop")).toEqual(keysOf("**Café**: a coffee shop"));
    expect(original).toBe("what is the osi model?");
  });

  it("changes the key when the question itself changes", () => {
    expect(keysOf("- What is TCP?\n  x")).not.toEqual(keysOf("- What is UDP?\n  x"));
  });

  it("prefixes clozes with their number and reversed cards with their direction", () => {
    expect(keysOf("The `ls` command lists **files**.")).toEqual([
      "cloze:1:the [...] command lists files.",
      "cloze:2:the `ls` command lists [...].",
    ]);
    expect(keysOf("Hund:::dog")).toEqual(["reversed:forward:hund", "reversed:backward:hund"]);
  });

  it("keeps the first of two cards with the same key and warns at the second", () => {
    const deck = parseDeck(
      "# Terms\n\n**Mitosis**: cell division\n\n## Again\n\n**mitosis**: division of the nucleus\n",
    );
    expect(deck.cards.map((card) => [card.front, card.back, card.line])).toEqual([
      ["Mitosis", "cell division", 3],
    ]);
    expect(deck.warnings).toEqual([{ line: 7, message: expect.stringMatching(/Duplicate.*line 3/) }]);
  });
});
