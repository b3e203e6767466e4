import { describe, expect, it } from "vitest";
import { pickChoices, type ChoiceCandidate } from "@/app/lib/study/choices";
import { answerText, markdownToPlain } from "@/app/lib/study/answer-text";

const card = (
  id: string,
  answer: string,
  context: string[] = ["Capitals"],
  kind = "basic",
): ChoiceCandidate => ({
  id,
  kind,
  context,
  answer,
});

const deck: ChoiceCandidate[] = [
  card("fr", "Paris"),
  card("it", "Rome"),
  card("es", "Madrid"),
  card("de", "Berlin"),
  card("pt", "Lisbon"),
  card("r1", "Danube", ["Rivers"]),
  card("r2", "Rhine", ["Rivers"]),
  card("r3", "Loire", ["Rivers"]),
  card("q1", "A very long answer about something else entirely, far from any capital", ["Rivers"]),
  card("c1", "Seine", ["Rivers"], "cloze"),
];

function options(result: ReturnType<typeof pickChoices>) {
  if ("fallback" in result) throw new Error(`fell back: ${result.fallback}`);
  return result;
}

describe("multiple-choice options", () => {
  it("gives four options with the answer at answerIndex, wrong ones from the same section first", () => {
    const result = options(pickChoices(deck[0]!, deck));
    expect(result.options).toHaveLength(4);
    expect(result.options[result.answerIndex]).toBe("Paris");
    const wrong = result.options.filter((_, index) => index !== result.answerIndex);
    for (const option of wrong) expect(["Rome", "Madrid", "Berlin", "Lisbon"]).toContain(option);
  });

  it("takes the same kind elsewhere in the deck before other kinds, then any card", () => {
    const river = card("x", "Elbe", ["Rivers"], "cloze");
    const result = options(pickChoices(river, deck));
    // The only other cloze is Seine; the rest come from the basic cards of plausible length.
    expect(result.options).toContain("Seine");
    expect(result.options).not.toContain(
      "A very long answer about something else entirely, far from any capital",
    );
  });

  it("never offers the right answer twice, even written differently, nor two equal options", () => {
    const twins = [...deck, card("fr2", "paris."), card("it2", "Rome ")];
    for (let i = 0; i < 20; i++) {
      const result = options(pickChoices(card(`fr-${i}`, "Paris"), twins));
      const seen = result.options.map((option) => option.toLowerCase().replace(/\W/g, ""));
      expect(new Set(seen).size).toBe(4);
      expect(seen.filter((option) => option === "paris")).toHaveLength(1);
    }
  });

  it("is deterministic per card, whatever order the candidates come in", () => {
    const first = pickChoices(deck[1]!, deck);
    expect(pickChoices(deck[1]!, [...deck].reverse())).toEqual(first);
    // Not every card gets the same order of options.
    const positions = new Set(deck.slice(0, 5).map((one) => options(pickChoices(one, deck)).answerIndex));
    expect(positions.size).toBeGreaterThan(1);
  });

  it("falls back to flipping for a long answer or a deck with fewer than four answers", () => {
    expect(pickChoices(card("long", "x".repeat(201)), deck)).toEqual({ fallback: "long" });
    expect(pickChoices(deck[0]!, deck.slice(0, 3))).toEqual({ fallback: "few" });
    expect(
      pickChoices(deck[0]!, [deck[0]!, card("a", "Paris"), card("b", "Rome"), card("c", "rome")]),
    ).toEqual({
      fallback: "few",
    });
  });
});

describe("answers as plain text", () => {
  it("drops markdown marks, and takes the hidden text of a cloze", () => {
    expect(markdownToPlain("It sends *event* with a [link](https://x.org) and `code`")).toBe(
      "It sends event with a link and code",
    );
    expect(markdownToPlain("snake_case stays")).toBe("snake_case stays");
    expect(markdownToPlain("- one\n- two")).toBe("one two");
    expect(answerText({ kind: "basic", front: "Q", back: "**Paris**, on the _Seine_" })).toEqual({
      text: "Paris, on the Seine",
    });
    expect(
      answerText({
        kind: "cloze",
        front: "The Danube flows through [...] and Budapest.",
        back: "The Danube flows through Vienna and Budapest.",
      }),
    ).toEqual({ text: "Vienna" });
    expect(
      answerText({
        kind: "cloze",
        front: "The [...] flows through [...].",
        back: "The **Rhine** flows through `Basel`.",
      }),
    ).toEqual({ fallback: "several" });
  });
});
