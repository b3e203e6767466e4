/** Formats 3-4: definitions (bold and plain vocabulary) and two-column term tables. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, parseFixture, visible } from "./helpers";

describe("definitions (test/fixtures/formats/definitions.md)", () => {
  const deck = parseFixture("definitions");
  const bold = ["Bold terms"];
  const list = ["Plain vocabulary list"];
  const paragraphs = ["Plain vocabulary paragraphs"];

  it("reads every separator style, continuation lines and nested bullets; plain terms only in vocabulary runs; definition lists", () => {
    expect(visible(deck)).toEqual([
      basic(5, bold, "Inflation", "a general rise in prices over time."),
      basic(7, bold, "Deflation", "a general fall in prices,\noften during a recession."),
      basic(10, bold, "Stagflation", "high inflation together with stagnant growth."),
      basic(12, bold, "Hyperinflation", "inflation above 50% a month."),
      basic(14, bold, "GDP", "the total value of goods and services a country produces."),
      basic(
        15,
        bold,
        "Recession",
        "two quarters of falling GDP, marked by\n\n- rising unemployment\n- falling investment",
      ),
      basic(19, bold, "Fiscal policy", "- government spending\n- taxation"),
      basic(28, list, "Supply", "how much of a good producers offer."),
      basic(29, list, "Demand", "how much of a good buyers want."),
      basic(30, list, "`elasticity`", "how strongly demand reacts to price."),
      basic(35, paragraphs, "Tariff", "a tax on imported goods."),
      basic(37, paragraphs, "Quota", "a limit on the amount of a good that can be imported."),
      basic(39, paragraphs, "Embargo", "a ban on trade with a country."),
      basic(51, ["Dash vocabulary"], "bull market", "a market in which prices are rising"),
      basic(52, ["Dash vocabulary"], "bear market", "a market in which prices are falling"),
      basic(
        57,
        ["Definition list"],
        "Liquidity",
        "how easily an asset can be turned into cash\nwithout losing value",
      ),
      basic(63, ["One per line"], "Bond", "a loan to a government or company"),
      basic(64, ["One per line"], "Share", "a part of the ownership of a company"),
      basic(65, ["One per line"], "Dividend", "the part of profit paid to shareholders"),
      basic(67, ["One per line"], "Asset", "something of value that a person owns"),
      basic(68, ["One per line"], "Liability", "money a person owes,\nsuch as a loan"),
    ]);
  });

  it("warns about a term with an empty definition", () => {
    expect(deck.warnings).toEqual([{ line: 24, message: expect.stringContaining("Opportunity cost") }]);
  });

  it("never makes cards of labels, times or loose prose", () => {
    const fronts = deck.cards.map((card) => card.front);
    expect(fronts).not.toContain("Note");
    expect(fronts).not.toContain("Warning");
    expect(fronts).not.toContain("Class notes");
    expect(fronts.some((front) => front.includes("10"))).toBe(false);
  });
});

describe("mixed bold and plain terms", () => {
  it("counts bold terms toward the vocabulary majority, so a plain term among them is a card too", () => {
    const source =
      "- **Enzyme**: a protein catalyst\n- **Substrate**: what it acts on\n- Active site: where the substrate binds\n- We did a lab on this.\n";
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Enzyme", "a protein catalyst"),
      basic(2, [], "Substrate", "what it acts on"),
      basic(3, [], "Active site", "where the substrate binds"),
    ]);
  });
});

describe("a part of speech after the bold term", () => {
  it("stays with the term", () => {
    const deck = parseDeck("**Run** (verb): to move fast\n\n- **Run** (noun) - a score in cricket\n");
    expect(visible(deck)).toEqual([
      basic(1, [], "Run (verb)", "to move fast"),
      basic(3, [], "Run (noun)", "a score in cricket"),
    ]);
  });

  it("is as long as an acronym spelled out, with a `+` left outside the bold", () => {
    const source = [
      "1. **SMTP** (Simple Mail Transfer Protocol): sends mail between servers.",
      "2. **IMAP** (Internet Message Access Protocol, version four): reads mail kept on the server.",
      "3. **C**++ (the language Bjarne Stroustrup built upon C): adds classes.",
      "",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "SMTP (Simple Mail Transfer Protocol)", "sends mail between servers."),
      basic(2, [], "IMAP (Internet Message Access Protocol, version four)", "reads mail kept on the server."),
      basic(3, [], "C++ (the language Bjarne Stroustrup built upon C)", "adds classes."),
    ]);
  });
});

describe("bold written with underscores or inside italics", () => {
  it("still marks a term or a question, and the dash after a bold question is not part of the answer", () => {
    const source = [
      "## Redewendungen",
      "",
      "__Wie geht's?__ — How are you?",
      "",
      "***Entschuldigung*** — excuse me / sorry",
      "",
      "__Tschüss__: bye",
    ].join("\n");
    const phrases = ["Redewendungen"];
    expect(visible(parseDeck(source))).toEqual([
      basic(3, phrases, "Wie geht's?", "How are you?"),
      basic(5, phrases, "Entschuldigung", "excuse me / sorry"),
      basic(7, phrases, "Tschüss", "bye"),
    ]);
  });
});

describe("a bold term alone on its bullet", () => {
  it("is defined by what is nested under it, unless that makes cards of its own", () => {
    const source = [
      "- **Bandwidth**",
      "  - capacity of the link",
      "  - in bits per second",
      "- **Europe**",
      "  - The **Danube** flows through ten countries.",
      "- **Note**",
      "  - bring a calculator",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Bandwidth", "- capacity of the link\n- in bits per second"),
      cloze(5, [], "The [...] flows through ten countries.", "The **Danube** flows through ten countries."),
    ]);
  });
});

describe("a double hyphen typed for a dash", () => {
  it("separates a term from its definition like a dash does", () => {
    const source = "**Alpha** -- first letter\n\n- Zeta -- sixth letter\n- Eta -- seventh letter\n";
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Alpha", "first letter"),
      basic(3, [], "Zeta", "sixth letter"),
      basic(4, [], "Eta", "seventh letter"),
    ]);
  });
});

describe("an arrow pointing back at a term in code or bold", () => {
  it("is no separator after a plain word: pseudocode assigns with it", () => {
    const source = "## Bubble sort\n\n- swapped ← false\n- n ← length(A)\n- temp ← A[i]\n";
    expect(parseDeck(source).cards.map((card) => card.front)).not.toContain("swapped");
  });

  it("separates a term from its definition like `→` does", () => {
    const source =
      "**map** ← a new array of each item changed\n\n- `filter()` ← the items that pass\n- `some()` ← whether any passes\n";
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "map", "a new array of each item changed"),
      basic(3, [], "`filter()`", "the items that pass"),
      basic(4, [], "`some()`", "whether any passes"),
    ]);
  });
});

describe("a table inserted with a blank header", () => {
  it("takes a first row naming a Description column as the header", () => {
    const source = [
      "|  |  |  |",
      "| --- | --- | --- |",
      "| Part | Description | Found in |",
      "| Cell wall | Rigid layer of cellulose | Plants |",
      "| Chloroplast | Site of photosynthesis | Plants |",
      "",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(4, [], "Cell wall", "Rigid layer of cellulose"),
      basic(5, [], "Chloroplast", "Site of photosynthesis"),
    ]);
  });
});

describe("a definition that asks a question of its own", () => {
  it("stays a definition of its bold term when the question follows a sentence of it", () => {
    const source = [
      "- **Análisis:** Entender el problema. ¿Qué hay que hacer?",
      "- **Diseño:** Crear una solución. ¿Cómo hacerlo?",
      "- **Pruebas:** Verificar que funciona.",
      "",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Análisis", "Entender el problema. ¿Qué hay que hacer?"),
      basic(2, [], "Diseño", "Crear una solución. ¿Cómo hacerlo?"),
      basic(3, [], "Pruebas", "Verificar que funciona."),
    ]);
  });
});

describe("the full-width colon of CJK notes", () => {
  it("separates terms like a colon, with or without bold, and keeps CJK labels out", () => {
    const source = [
      "## 食べ物",
      "",
      "- りんご：apple",
      "- みず：water",
      "- 注意：the quiz is on Friday",
      "",
      "**光合作用**：植物利用光能制造有机物的过程。",
      "",
      "**注意：** 考试在周五。",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(3, ["食べ物"], "りんご", "apple"),
      basic(4, ["食べ物"], "みず", "water"),
      basic(7, ["食べ物"], "光合作用", "植物利用光能制造有机物的过程。"),
    ]);
  });
});

describe("term tables (test/fixtures/formats/term-tables.md)", () => {
  const deck = parseFixture("term-tables");

  it("makes one card per body row of a two-column table, keeping cell markdown", () => {
    expect(visible(deck)).toEqual([
      basic(7, ["Common verbs"], "hablar", "to speak"),
      basic(8, ["Common verbs"], "comer", "to eat"),
      basic(9, ["Common verbs"], "**vivir**", "to live (`-ir` verb)"),
    ]);
  });

  it("shows an escaped pipe in a cell as the pipe it stands for, in text and in code", () => {
    const source =
      "| Term | Meaning |\n|---|---|\n| ser / estar | to be (permanent \\| temporary) |\n| `a \\| b` | bitwise or, \\*not\\* logical |\n";
    expect(visible(parseDeck(source))).toEqual([
      basic(3, [], "ser / estar", "to be (permanent | temporary)"),
      basic(4, [], "`a | b`", "bitwise or, \\*not\\* logical"),
    ]);
  });

  it("warns about an empty cell and about a table with more than two columns", () => {
    expect(deck.warnings).toEqual([
      { line: 10, message: expect.stringContaining("empty cell") },
      { line: 14, message: expect.stringContaining("3 columns") },
    ]);
  });
});
