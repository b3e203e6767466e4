/** Repairing UTF-8 that was decoded as Windows-1252 / Latin-1, and leaving correct text alone. */
import { describe, expect, it } from "vitest";
import { parseDeck, repairMojibake } from "@/app/lib/cards";

/** Produces real mojibake: UTF-8 bytes read back as Windows-1252. */
function misdecode(text: string): string {
  return new TextDecoder("windows-1252").decode(new TextEncoder().encode(text));
}

describe("repairMojibake", () => {
  it.each([
    ["a stack â€” LIFO", "a stack — LIFO"],
    ["itâ€™s", "it’s"],
    ["cafÃ©", "café"],
    ["â€œquotedâ€\u009d", "“quoted”"],
    ["Â°C", "°C"],
  ])("repairs %j", (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  it("round-trips text that really went through a Windows-1252 decoder", () => {
    const original = "Übergröße — naïve café “quotes” … 😀 €5";
    expect(misdecode(original)).not.toBe(original);
    expect(repairMojibake(misdecode(original))).toBe(original);
  });

  it("repairs text that was misdecoded twice", () => {
    expect(repairMojibake(misdecode(misdecode("résumé")))).toBe("résumé");
  });

  it.each(["café", "naïve", "Ã alone", "Maß«", "déjà vu", "plain ASCII", "— already fine ’", "Ångström"])(
    "leaves correct text %j alone",
    (text) => {
      expect(repairMojibake(text)).toBe(text);
    },
  );

  it("is applied before parsing", () => {
    const deck = parseDeck("**Stack**: last in â€” first out\n");
    expect(deck.cards[0]?.back).toBe("last in — first out");
  });
});
