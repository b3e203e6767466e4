/** Obsidian's inline syntax that CommonMark reads as text: wikilinks, block ids and comments. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, visible } from "./helpers";
import { parseLayout, sides } from "./layout-helpers";

describe("Obsidian syntax on cards", () => {
  it("shows a wikilink as the text the reader sees and drops block ids", () => {
    const source = [
      "- **[[Mitochondria]]**: site of [[Cellular respiration|respiration]]",
      "- **ATP** :: energy currency ^abc123",
      "- [[Ribosome]]: makes proteins, see [[Cell#Organelles]]",
      "- [[Golgi apparatus]]: packages proteins",
      "",
      "![[cell.png]]",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Mitochondria", "site of respiration"),
      basic(2, [], "**ATP**", "energy currency"),
      basic(3, [], "Ribosome", "makes proteins, see Cell"),
      basic(4, [], "Golgi apparatus", "packages proteins"),
    ]);
  });

  it("never makes cards of %% comments %%, and leaves text around an inline one or an HTML comment", () => {
    const source = [
      "%% **hidden** comment %%",
      "",
      "%%",
      "TODO: **fix** this",
      "%%",
      "",
      "The **nucleus** %%(check!)%% holds DNA.",
      "",
      "50%% of **cells** divide.",
      "",
      "A **cell** <!-- check this --> divides by `mitosis`.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      cloze(7, [], "The [...] holds DNA.", "The **nucleus** holds DNA."),
      cloze(9, [], "50%% of [...] divide.", "50%% of **cells** divide."),
      // One sentence, one card: its two facts are hidden together.
      cloze(11, [], "A [...] divides by [...].", "A **cell** divides by `mitosis`."),
    ]);
  });
});

describe("double brackets outside Obsidian notes", () => {
  it("stay as written when they could be spec notation such as [[Prototype]]", () => {
    const source = "Every object has a **[[Prototype]]** link; functions also have [[Call]].\n";
    expect(visible(parseDeck(source))).toEqual([
      cloze(
        1,
        [],
        "Every object has a [...] link; functions also have [[Call]].",
        "Every object has a **[[Prototype]]** link; functions also have [[Call]].",
      ),
    ]);
  });
});

describe("a wikilink whose note name holds a dash (test/fixtures/layouts/wikilink-with-dash.md)", () => {
  it("keeps the linked note's name whole as the term", () => {
    expect(sides(parseLayout("wikilink-with-dash"))).toEqual([
      { front: "Athena", back: "goddess of wisdom" },
      { front: "Apollo - Olympian", back: "god of music and prophecy" },
      { front: "Ares", back: "god of war" },
    ]);
  });
});
