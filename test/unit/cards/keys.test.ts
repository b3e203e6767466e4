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
    expect(keysOf("The `ls` command lists **files**. Use **-a** for all.")).toEqual([
      "cloze:1:the [...] command lists [...]. use -a for all.",
      "cloze:2:the `ls` command lists files. use [...] for all.",
    ]);
    expect(keysOf("Hund:::dog")).toEqual(["reversed:forward:hund", "reversed:backward:hund"]);
  });

  it("keeps the first of two identical cards and warns at the second", () => {
    const deck = parseDeck(
      "# Terms\n\n**Mitosis**: cell division\n\n## Again\n\n**mitosis**: cell division\n",
    );
    expect(deck.cards.map((card) => [card.front, card.back, card.line])).toEqual([
      ["Mitosis", "cell division", 3],
    ]);
    expect(deck.warnings).toEqual([{ line: 7, message: expect.stringMatching(/Duplicate.*line 3/) }]);
  });

  it("keeps a repeated front with another answer as a card of its own, its key numbered", () => {
    const deck = parseDeck(
      "**What is SQL good at?**\nJoins.\n\n**Give a real world example.**\nBanking.\n\n" +
        "**What is NoSQL good at?**\nScale.\n\n**Give a real world example.**\nAnalytics.\n",
    );
    expect(deck.cards.map((card) => [card.front, card.back, card.key])).toEqual([
      ["What is SQL good at?", "Joins.", "what is sql good at?"],
      ["Give a real world example.", "Banking.", "give a real world example."],
      ["What is NoSQL good at?", "Scale.", "what is nosql good at?"],
      ["Give a real world example.", "Analytics.", "give a real world example.#2"],
    ]);
    expect(deck.warnings).toEqual([{ line: 10, message: expect.stringMatching(/line 4.*both kept/) }]);
  });
});
