/**
 * Layouts that name a term and define it: term headings, bold or underscored terms, vocabulary lists
 * and definition callouts. Each expectation is the card a careful person would make from the note.
 */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, visible } from "./helpers";
import { fronts, parseLayout, placed, sides } from "./layout-helpers";

describe("term headings (test/fixtures/layouts/term-headings.md)", () => {
  const deck = parseLayout("term-headings");
  const locks = ["Locks"];

  it("makes one card per heading that names a term over its defining paragraph, `###Term` without a space included", () => {
    expect(visible(deck)).toEqual([
      basic(
        5,
        locks,
        "Mutex",
        "A mutex is a lock that lets only one thread at a time into a critical section.",
      ),
      basic(
        9,
        locks,
        "Semaphore",
        "A semaphore is a counter that lets a fixed number of threads use a resource at once.",
      ),
      basic(
        13,
        locks,
        "Deadlock",
        "A deadlock is a state in which every thread of a group waits for a lock that another one holds.",
      ),
      // The `### Cost` sub-heading under it names an aspect and defines nothing: neither a card nor
      // part of this definition.
      basic(
        41,
        [],
        "Context switch",
        "A context switch is the kernel saving the registers of one thread and loading those of another.",
      ),
    ]);
  });

  it("makes no card of an empty heading, a heading over code or an image, a generic heading or an aspect", () => {
    for (const front of [
      "Locks",
      "Spinlock",
      "Condition variable",
      "Lock graph",
      "Overview",
      "History",
      "Examples",
      "Cost",
    ]) {
      expect(fronts(deck)).not.toContain(front);
    }
  });
});

describe("bold and underscored terms (test/fixtures/layouts/bold-terms.md)", () => {
  const deck = parseLayout("bold-terms");

  it("defines a term alone on its line with the lines below it, a `**Term:**` paragraph with its rest, and a bold bullet with what is nested under it", () => {
    expect(visible(deck)).toEqual([
      basic(
        5,
        ["Transport"],
        "Osmosis",
        "The movement of water across a membrane from a dilute solution to a concentrated one.",
      ),
      basic(
        8,
        ["Transport"],
        "Diffusion",
        "The spreading of particles from where there are many to where there are few.",
      ),
      basic(13, ["Politics"], "Nation-State", "A state whose people share one national identity."),
      basic(15, ["Politics"], "Sovereignty", "The supreme authority of a state over its own territory."),
      basic(
        19,
        ["Chemistry"],
        "Catalyst",
        "- A substance that speeds up a reaction\n- It is not used up by the reaction",
      ),
      basic(22, ["Chemistry"], "Enzyme", "A protein that acts as a catalyst in living things"),
      basic(28, ["Physics"], "Friction", "a force that opposes sliding between two surfaces"),
      basic(29, ["Physics"], "Tension", "the pull carried by a rope or a cable"),
    ]);
  });

  it("lets a bold bullet over nested `**X**: def` bullets only group them: no card for the group", () => {
    expect(fronts(deck)).not.toContain("Contact forces");
  });
});

describe("vocabulary lists", () => {
  it("reads `->`, ` - `, `=`, `–` and spaced `:` lists one card per item, and no card from two term-like items among prose bullets (test/fixtures/layouts/vocabulary-lists.md)", () => {
    const deck = parseLayout("vocabulary-lists");
    expect(visible(deck)).toEqual([
      basic(5, ["Animals"], "perro", "dog"),
      basic(6, ["Animals"], "gato", "cat"),
      basic(7, ["Animals"], "caballo", "horse"),
      basic(11, ["Colours"], "rojo", "red"),
      basic(12, ["Colours"], "azul", "blue"),
      basic(13, ["Colours"], "verde", "green"),
      basic(17, ["Food"], "agua", "water"),
      basic(18, ["Food"], "pan", "bread"),
      basic(19, ["Food"], "leche", "milk"),
      basic(23, ["Days"], "lunes", "Monday"),
      basic(24, ["Days"], "martes", "Tuesday"),
      basic(25, ["Days"], "miércoles", "Wednesday"),
      basic(29, ["Greetings"], "hola", "hello"),
      basic(30, ["Greetings"], "adiós", "goodbye"),
      basic(31, ["Greetings"], "gracias", "thank you"),
    ]);
    expect(deck.cards.some((card) => card.context.includes("Trip notes"))).toBe(false);
  });

  it("splits a Mandarin line at its last dash: the characters and pinyin are the front (test/fixtures/layouts/mandarin-words.md)", () => {
    expect(visible(parseLayout("mandarin-words"))).toEqual([
      basic(5, ["Nature"], "水 shuǐ", "water"),
      basic(6, ["Nature"], "火 huǒ", "fire"),
      basic(7, ["Nature"], "山 shān", "mountain"),
      basic(11, ["School"], "书 - shū", "book"),
      basic(12, ["School"], "笔 - bǐ", "pen"),
      basic(13, ["School"], "纸 - zhǐ", "paper"),
    ]);
  });

  it("reads a list of three or more `Yo is I.` sentences as cards fronted by the subject", () => {
    const deck = parseDeck(
      "# Spanish\n\n## Pronouns\n\n- Yo is I.\n- Tú is you.\n- Ella is she.\n- Nosotros is we.\n",
    );
    expect(fronts(deck)).toEqual(["Yo", "Tú", "Ella", "Nosotros"]);
  });

  it("makes no card from a single `X is Y.` sentence among prose", () => {
    const deck = parseDeck("# Spain\n\nMadrid is the capital.\n\nWe stayed there for three days.\n");
    expect(deck.cards).toEqual([]);
  });

  it("defines the callout title with the body of `[!def]` and `[!definition]` callouts (test/fixtures/layouts/definition-callouts.md)", () => {
    expect(visible(parseLayout("definition-callouts"))).toEqual([
      basic(
        5,
        ["Energy"],
        "Photosynthesis",
        "The process by which plants make glucose from light, water and carbon dioxide.",
      ),
      basic(8, ["Energy"], "Respiration", "The process by which cells release the energy stored in glucose."),
    ]);
  });

  it("fronts a `[!definition] Definition` callout with the `# Term` heading it sits under (test/fixtures/layouts/heading-definition-callouts.md)", () => {
    expect(sides(parseLayout("heading-definition-callouts"))).toEqual([
      { front: "Entropy", back: "A measure of how many ways the particles of a system can be arranged." },
      { front: "Enthalpy", back: "The heat content of a system held at constant pressure." },
    ]);
  });
});

describe("run-in bold terms (test/fixtures/layouts/run-in-terms.md)", () => {
  const deck = parseLayout("run-in-terms");

  it("defines `**Term.** def` paragraphs and bullets, and a dash typed inside the bold (`**Term —** def`)", () => {
    expect(sides(deck).filter((card) => !card.front.includes("[...]"))).toEqual([
      { front: "Cirque", back: "A bowl-shaped hollow carved at the head of a glacier." },
      { front: "Moraine", back: "Rock and soil a glacier carried and left behind." },
      { front: "Arête", back: "A thin ridge between two cirques." },
      { front: "Crevasse", back: "a deep crack in the ice." },
      { front: "Firn", back: "snow that has survived a summer and is turning into ice." },
      { front: "Ablation", back: "the ice a glacier loses by melting and calving." },
    ]);
  });

  it("makes no term of run-in advice (`**Be careful.**`) or numbered steps (`**Step 1.**`)", () => {
    for (const front of ["Be careful", "Step 1", "Step 2"]) expect(fronts(deck)).not.toContain(front);
  });
});

describe("definitions labelled under a term heading (test/fixtures/layouts/labelled-definitions.md)", () => {
  it("reads `Definition:` / `Meaning -` under a heading as the heading's definition, beside question headings, the label dropped", () => {
    expect(sides(parseLayout("labelled-definitions"))).toEqual([
      { front: "What carries a sound wave?", back: "Vibrating particles of a medium." },
      { front: "Pitch", back: "how high or low a sound seems, set by its frequency." },
      { front: "Timbre", back: "the quality that tells two instruments apart at the same pitch." },
      {
        front: "Decibel",
        back: "- Definition: a tenth of a bel, the unit of sound level\n- Symbol: dB",
      },
    ]);
  });
});

describe("bold terms over lists (test/fixtures/layouts/bold-terms-over-lists.md)", () => {
  it("defines each bold line with the bullets under it, however many there are", () => {
    expect(sides(parseLayout("bold-terms-over-lists"))).toEqual([
      {
        front: "Claude Monet",
        back: "- Founder of Impressionism\n- painted the Water Lilies series",
      },
      {
        front: "Berthe Morisot",
        back: "- Impressionist who exhibited at the first group show\n- known for domestic scenes",
      },
      { front: "Édouard Manet", back: "bridged Realism and Impressionism" },
    ]);
  });
});

describe("two term headings (test/fixtures/layouts/term-heading-pair.md)", () => {
  it("defines a pair of headings written as notes (bullets, a lower-case fragment), not a pair over prose or task lists", () => {
    expect(sides(parseLayout("term-heading-pair"))).toEqual([
      { front: "Igneous rock", back: "- forms when magma or lava cools\n- granite, basalt" },
      { front: "Sedimentary rock", back: "layers of sediment pressed and cemented together" },
    ]);
  });
});

describe("a phrasebook of questions and phrases (test/fixtures/layouts/phrasebook.md)", () => {
  it("splits `Quanto costa? = How much is it?` and `Dov'è il bagno? -- ...` after the `?`, and they back the plain phrases beside them", () => {
    expect(sides(parseLayout("phrasebook"))).toEqual([
      { front: "Quanto costa?", back: "How much is it?" },
      { front: "Il conto, per favore", back: "The bill, please" },
      { front: "Dov'è il bagno?", back: "Where is the toilet?" },
      { front: "Un caffè, per favore", back: "A coffee, please" },
    ]);
  });
});

describe("terms marked by an emoji or set in italics before a dash (test/fixtures/layouts/marked-terms.md)", () => {
  it("drops a hand-typed emoji before a bold term and reads `_Term_ — def` as `_Term_: def`", () => {
    expect(sides(parseLayout("marked-terms"))).toEqual([
      { front: "Enjambment", back: "a sentence that runs on past the end of a line" },
      { front: "Caesura", back: "a pause in the middle of a line" },
      { front: "Volta", back: "the turn in the argument of a sonnet" },
      { front: "Sestet", back: "the last six lines of a Petrarchan sonnet" },
    ]);
  });
});

describe("vocabulary tables headed in other languages (test/fixtures/layouts/vocabulary-tables-other-languages.md)", () => {
  it("takes the `Bedeutung` / `Significado` / `Znaczenie` / `Перевод` / `Anlamı` column of a three-column table as the back, and `Meaning (Polish)`", () => {
    expect(sides(parseLayout("vocabulary-tables-other-languages"))).toEqual([
      { front: "der Hund", back: "the dog" },
      { front: "die Katze", back: "the cat" },
      { front: "perro", back: "dog" },
      { front: "яблоко", back: "jabłko" },
      { front: "окно", back: "window" },
      { front: "apple", back: "jabłko" },
      { front: "elma", back: "apple" },
    ]);
  });
});

describe("vocabulary tables numbered in their first column (test/fixtures/layouts/numbered-vocabulary-table.md)", () => {
  it("fronts each row with its word, not its number, under a `No.` or `#` header; a `Step` table or one with an empty first header stays a table", () => {
    const deck = parseLayout("numbered-vocabulary-table");
    expect(sides(deck)).toEqual([
      { front: "borrow", back: "借りる" },
      { front: "lend", back: "貸す" },
      { front: "candid", back: "frank" },
    ]);
    expect(deck.warnings.map((warning) => warning.line)).toEqual([12, 16]);
  });
});

describe("terms glued to their definitions by an em dash (test/fixtures/layouts/glued-em-dash-terms.md)", () => {
  it("splits `Oral (PO)—swallowed ...` items at the dash, and leaves a sentence's dash alone", () => {
    expect(sides(parseLayout("glued-em-dash-terms"))).toEqual([
      { front: "Oral (PO)", back: "swallowed as a tablet or liquid" },
      { front: "Sublingual (SL)", back: "dissolved under the tongue" },
      { front: "Rectal (PR)", back: "given as a suppository" },
    ]);
  });
});

describe("term headings beside one over field cards (test/fixtures/layouts/headings-beside-field-cards.md)", () => {
  it("keeps three headings over notes as terms though a fourth holds `Origin:` / `Insertion:` cards", () => {
    expect(sides(parseLayout("headings-beside-field-cards"))).toEqual([
      { front: "Biceps brachii", back: "- Flexes the elbow\n- Supinates the forearm" },
      { front: "Triceps brachii", back: "- Extends the elbow\n- Three heads" },
      { front: "Brachialis", back: "- Flexes the elbow\n- Lies under the biceps" },
      { front: "Origin", back: "clavicle and scapula" },
      { front: "Insertion", back: "deltoid tuberosity" },
    ]);
  });
});

describe("a glossary divided by letters (test/fixtures/layouts/alphabet-glossary.md)", () => {
  it("makes no card of a letter heading `## B` over its bare words", () => {
    expect(fronts(parseLayout("alphabet-glossary"))).toEqual(["Against the clock", "All ears"]);
  });
});

describe("term headings in Chinese, Japanese and Korean notes (test/fixtures/layouts/cjk-term-headings.md)", () => {
  it("answers each heading with its definition and its `优点：` / `缺点：` fields, which make no cards of their own", () => {
    const deck = parseLayout("cjk-term-headings");
    expect(sides(deck)).toEqual([
      { front: "进程", back: "资源分配的单位。\n\n- 优点：隔离性好\n- 缺点：切换开销大" },
      { front: "线程", back: "调度的单位。\n\n- 优点：切换快\n- 缺点：共享内存易出错" },
      { front: "协程", back: "一种由程序自己调度的轻量线程。" },
      { front: "キャッシュ", back: "よく使うデータを速い場所に置いておく仕組みのこと。" },
      { front: "프로세스", back: "실행 중인 프로그램을 말한다." },
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it("splits `金融資產:可以...` at a half-width colon typed against the characters", () => {
    const source = [
      "- 根據資產的性質可以分為三類",
      "  - 金融資產:可以在市場上交易的資產總稱。",
      "  - 實物資產:土地、建築等有形資產。",
      "  - 無形資產:專利、商標等沒有實體的資產。",
    ].join("\n");
    expect(sides(parseDeck(source)).map((card) => card.front)).toEqual(["金融資產", "實物資產", "無形資產"]);
  });

  it("reads two headings over `...的单位。` definitions as terms with no third to agree", () => {
    const source = "### 进程\n资源分配的单位。\n\n### 线程\n调度的单位。\n\n- 优点：切换快\n- 缺点：易出错\n";
    expect(sides(parseDeck(source)).map((card) => card.front)).toEqual(["进程", "线程"]);
  });
});

describe("named formulas (test/fixtures/layouts/named-formulas.md)", () => {
  it("answers a bold name over a display formula with the formula and at most two paragraphs explaining it", () => {
    expect(sides(parseLayout("named-formulas"))).toEqual([
      {
        front: "The wave equation",
        back: "$v = f\\lambda$\n\nThe speed of a wave is its frequency times its wavelength.",
      },
      {
        front: "Snell's law",
        back: "$$\nn_1 \\sin\\theta_1 = n_2 \\sin\\theta_2\n$$\n\nLight bends towards the normal when it slows down.\n\nIt holds for every pair of transparent media.",
      },
    ]);
  });
});

describe("a line announcing terms, one remark among them (test/fixtures/layouts/announced-terms-with-remark.md)", () => {
  it("makes a card of each bold term under `... hat die Eigenschaften:`, not one card of the announcing line, in an outline of terms", () => {
    expect(fronts(parseLayout("announced-terms-with-remark"))).toEqual([
      "Deterministisch",
      "Gleichverteilt",
      "Schnell",
      "Lawineneffekt",
      "Kollision",
      "Verkettung",
      "*offene Adressierung*",
      "*lineares Sondieren*",
      "*quadratisches Sondieren*",
      "*doppeltes Hashing*",
    ]);
  });
});

describe("a glossary table with an empty header (test/fixtures/layouts/headerless-glossary-table.md)", () => {
  it("reads `| | |` over word | definition rows as a glossary, not a table of endings or images", () => {
    const deck = parseLayout("headerless-glossary-table");
    expect(sides(deck)).toEqual([
      { front: "Backbone", back: "Il tratto principale di una rete." },
      { front: "Gateway", back: "Il nodo che collega due reti diverse." },
    ]);
    expect(deck.warnings.map((warning) => warning.line)).toEqual([10, 15]);
  });
});

describe("term headings in German and French notes (test/fixtures/layouts/european-term-headings.md)", () => {
  it("defines headings over `Unter ... versteht man`, `Bezeichnet ...`, `Désigne ...`, and not `Überblick`", () => {
    expect(fronts(parseLayout("european-term-headings"))).toEqual([
      "Redundanzfreiheit",
      "Datenintegrität",
      "Clé primaire",
    ]);
  });

  it("reads two such headings as terms with no third to agree", () => {
    const source = [
      "## Redundanzfreiheit",
      "",
      "Unter Redundanz versteht man das mehrfache Speichern derselben Daten.",
      "",
      "## Datenintegrität",
      "",
      "Bezeichnet die Korrektheit der gespeicherten Daten.",
    ].join("\n");
    expect(fronts(parseDeck(source))).toEqual(["Redundanzfreiheit", "Datenintegrität"]);
  });
});

describe("a single-concept note (test/fixtures/layouts/single-concept-note.md)", () => {
  it("defines a title with `A study method that ...`, and two headings over gerund fragments, without the `Related:` links", () => {
    expect(sides(parseLayout("single-concept-note"))).toEqual([
      {
        front: "Retrieval practice",
        back: "A study method that makes you pull information out of memory instead of rereading it.",
      },
      {
        front: "Elaboration",
        back: "Connecting a new idea to what you already know by explaining how and why it works.",
      },
      {
        front: "Dual coding",
        back: "Combining words and pictures so that one idea is stored in two ways.",
      },
    ]);
  });
});

describe("field lists under a term (test/fixtures/layouts/field-lists.md)", () => {
  it("answers a drug with its `Class:` / `MOA:` / `Side effects:` bullets under a bold item, a bold line, a heading or a plain item; the field names make no cards", () => {
    expect(sides(parseLayout("field-lists"))).toEqual([
      {
        front: "Amoxicillin",
        back: "- Class: penicillin\n- MOA: blocks cell wall synthesis\n- Side effects: rash, diarrhoea",
      },
      { front: "Doxycycline", back: "- Class: tetracycline\n- Side effects: photosensitivity" },
      { front: "Azithromycin", back: "- Class: macrolide\n- Dose: 500 mg once daily" },
      { front: "Vancomycin", back: "- Class: glycopeptide\n- Monitoring: trough levels" },
      { front: "Mitosis", back: "division of a nucleus into two identical nuclei" },
      { front: "Meiosis", back: "division that halves the number of chromosomes" },
    ]);
  });
});

describe("named statements of a mathematical text (test/fixtures/layouts/math-statements.md)", () => {
  it("fronts `**Definition 3.1** (Ideal).` with its name and a theorem with its header and name; an unnamed lemma and a proof make no term", () => {
    expect(sides(parseLayout("math-statements")).filter((card) => !card.front.includes("[...]"))).toEqual([
      { front: "Ideal", back: "A subring $I$ of $R$ with $rI \\subseteq I$ for every $r \\in R$." },
      { front: "Unit", back: "An element with a multiplicative inverse." },
      {
        front: "Theorem 3.4 (Chinese remainder)",
        back: "If $I + J = R$ then $R/(I \\cap J) \\cong R/I \\times R/J$.",
      },
    ]);
  });
});

describe("flashcards pasted as text (test/fixtures/layouts/pasted-flashcards.md)", () => {
  it("splits `term | meaning` lines and tab-separated lines of an Anki export, its `#separator:tab` header no card", () => {
    expect(sides(parseLayout("pasted-flashcards"))).toEqual([
      { front: "osmosis", back: "water moving across a membrane" },
      { front: "diffusion", back: "particles spreading from high to low concentration" },
      { front: "active transport", back: "movement against a gradient, using energy" },
      { front: "neuron", back: "a nerve cell" },
      { front: "synapse", back: "the gap between two neurons" },
    ]);
  });
});

describe("terms in lenticular brackets (test/fixtures/layouts/bracketed-terms.md)", () => {
  it("defines `【量词】...` lines by their bracketed term; a bracketed remark (`【注意】`) is no term", () => {
    expect(sides(parseLayout("bracketed-terms"))).toEqual([
      { front: "量词", back: "用于表示人、事物或动作的数量单位的词。" },
      { front: "补语", back: "补充说明动词或形容词的成分。" },
    ]);
  });
});

describe("terms that end in a preposition (test/fixtures/layouts/phrasal-verbs.md)", () => {
  it("defines phrasal verbs and `GROUP BY` / `ORDER BY` like any other term", () => {
    expect(sides(parseLayout("phrasal-verbs"))).toEqual([
      { front: "look after", back: "take care of" },
      { front: "put up with", back: "tolerate" },
      { front: "run into", back: "meet by chance" },
      { front: "SELECT", back: "choose columns" },
      { front: "GROUP BY", back: "aggregate rows" },
      { front: "ORDER BY", back: "sort rows" },
    ]);
  });
});

describe("sentences that define their bold subject (test/fixtures/layouts/bold-subjects.md)", () => {
  it("defines `**Term** is ...` / `A **term** is ...` / `refers to` paragraphs by their first sentence, where several do; a lone bold subject stays prose", () => {
    expect(sides(parseLayout("bold-subjects")).filter((card) => !card.front.includes("[...]"))).toEqual([
      { front: "Classical conditioning", back: "learning by association." },
      { front: "reinforcer", back: "any event that strengthens the behaviour it follows." },
      { front: "Extinction", back: "the fading of a conditioned response." },
    ]);
  });
});

describe("numbered sections of notes (test/fixtures/layouts/numbered-sections.md)", () => {
  it("reads the terms under `## 2.1 Demand`, not the section as one question", () => {
    expect(sides(parseLayout("numbered-sections"))).toEqual([
      { front: "demand curve", back: "how much buyers want at each price" },
      { front: "normal good", back: "demand rises as income rises" },
      { front: "Supply shock", back: "a sudden change in what producers can make." },
      { front: "Subsidy", back: "a payment that lowers producers' costs." },
      { front: "Elastic", back: "quantity changes a lot when price changes." },
    ]);
  });
});

describe("a mnemonic's letters in bold (test/fixtures/layouts/mnemonic-letters.md)", () => {
  it("names the term `Openness`, not `**O**penness`", () => {
    expect(sides(parseLayout("mnemonic-letters"))).toEqual([
      { front: "Openness", back: "curiosity and a liking for new experiences" },
      { front: "Conscientiousness", back: "being organised and dependable" },
      { front: "Extraversion", back: "drawing energy from other people" },
    ]);
  });
});

describe("lines indented with a tab (test/fixtures/layouts/tab-indented-lines.md)", () => {
  it("reads tab-indented vocabulary with parentheses, and tab-indented bullets under a line (bold terms with notes nested deeper too), as the notes they are", () => {
    expect(sides(parseLayout("tab-indented-lines"))).toEqual([
      { front: "fahren (fährt)", back: "to drive" },
      { front: "lesen (liest)", back: "to read" },
      { front: "sehen (sieht)", back: "to see" },
      { front: "sensory memory", back: "holds input for under a second" },
      { front: "working memory", back: "holds a few items while we use them" },
      { front: "Alloy", back: "a mixture of a metal with other elements\n- Bronze is copper and tin" },
      { front: "Suspension", back: "solid particles spread through a liquid" },
    ]);
    // `**Mixtures:**` titles its terms: no warning that it has no answer.
    expect(parseLayout("tab-indented-lines").warnings).toEqual([]);
  });
});

describe("a bold term over bullets, one of them a formula (test/fixtures/layouts/bold-term-over-formula.md)", () => {
  it("answers the term with all its bullets, not a card `v` -> `f × λ`", () => {
    expect(sides(parseLayout("bold-term-over-formula"))).toEqual([
      { front: "Wave speed", back: "- v = f × λ\n- the same for every frequency in one medium" },
      { front: "Amplitude", back: "the largest displacement from rest" },
    ]);
  });
});

describe("numbers to learn (test/fixtures/layouts/numbers-to-learn.md)", () => {
  it("makes cards of the year an event is known by, not of a header's year or page, or of scores", () => {
    expect(sides(parseLayout("numbers-to-learn"))).toEqual([
      { front: "Peace of Augsburg", back: "1555" },
      { front: "Treaty of Westphalia", back: "1648" },
    ]);
  });
});

describe("terms with abbreviation dots (test/fixtures/layouts/dotted-terms.md)", () => {
  it("reads case names with `v.` and dotted shorthand (`t.i.d.`, `q.h.s.`) as terms, not sentences or `Q.` labels", () => {
    expect(sides(parseLayout("dotted-terms"))).toEqual([
      {
        front: "Hadley v. Baxendale (1854)",
        back: "damages only for losses the parties could foresee",
      },
      { front: "Carlill v. Carbolic Smoke Ball Co.", back: "an advert can be an offer to the world" },
      { front: "t.i.d.", back: "three times a day" },
      { front: "q.h.s.", back: "at bedtime" },
      { front: "p.o.", back: "by mouth" },
    ]);
  });
});

describe("term lines typed flush left after a nested bullet (test/fixtures/layouts/lines-after-nested-bullet.md)", () => {
  it("reads each line as its own term instead of more of the bullet", () => {
    expect(sides(parseLayout("lines-after-nested-bullet"))).toEqual([
      { front: "fugue", back: "voices enter one by one with the same theme" },
      { front: "*stretto*", back: "entries overlapping before the theme ends" },
      { front: "basso continuo", back: "a bass line with chords filled in by the keyboard" },
      { front: "ritornello", back: "a passage that keeps coming back" },
    ]);
  });
});

describe("bold terms starred with an emoji (test/fixtures/layouts/starred-terms.md)", () => {
  it("reads `**Term** ⭐` over its bullets, and `**Term** 🔥 – def`, with the emoji left out", () => {
    expect(sides(parseLayout("starred-terms"))).toEqual([
      { front: "Opportunity cost", back: "the value of the next best choice given up" },
      { front: "Sunk cost", back: "a cost already paid that cannot be recovered" },
      { front: "Marginal cost", back: "the cost of one more unit" },
    ]);
  });
});

describe("terms opening with inline code (test/fixtures/layouts/code-term-lines.md)", () => {
  it("reads `` `?` glob → ... `` as a term, the code's question mark no sentence end", () => {
    expect(sides(parseLayout("code-term-lines"))).toEqual([
      { front: "`&&` chain", back: "runs the next command only if the last one succeeded" },
      { front: "`?` glob", back: "matches any one character" },
      { front: "`|` pipe", back: "sends output to the next command" },
    ]);
  });
});

describe("terms left to define later (test/fixtures/layouts/placeholder-terms.md)", () => {
  it("skips `Biome =` without gluing it to the term above or losing the terms around it", () => {
    expect(sides(parseLayout("placeholder-terms"))).toEqual([
      { front: "Allele", back: "one version of a gene" },
      { front: "Catalyst", back: "speeds a reaction without being used up" },
      { front: "Chromosome", back: "a long DNA molecule with many genes" },
      { front: "Codon", back: "three bases that code for an amino acid" },
      { front: "Diffusion", back: "net movement from high to low concentration" },
      { front: "Enzyme", back: "a protein catalyst" },
      { front: "Homozygous", back: "two identical alleles for a gene" },
    ]);
  });
});

describe("numbered sections over a table or a run of term lines (test/fixtures/layouts/numbered-sections-tables.md)", () => {
  it("makes the rows and the lines cards, not `Storage classes` -> the whole table", () => {
    expect(sides(parseLayout("numbered-sections-tables"))).toEqual([
      { front: "Standard", back: "data read often" },
      { front: "Glacier", back: "archives read once a year" },
      { front: "ALB", back: "routes HTTP by path and host" },
      { front: "NLB", back: "passes TCP through at very low latency" },
    ]);
  });
});

describe("terms ending in an abbreviation or an exclamation (test/fixtures/layouts/abbreviated-and-exclaimed-terms.md)", () => {
  it("reads `Brachial a. — ...` and `¡Buenos días! = ...` as terms", () => {
    expect(sides(parseLayout("abbreviated-and-exclaimed-terms"))).toEqual([
      { front: "Brachial a.", back: "main artery of the arm" },
      { front: "Radial a.", back: "where the pulse is taken at the wrist" },
      { front: "¡Buenos días!", back: "good morning!" },
      { front: "¡Hasta luego!", back: "see you later!" },
      { front: "Mucho gusto", back: "nice to meet you" },
    ]);
  });
});

describe("a term over a fragment that stresses a word (test/fixtures/layouts/stressed-fragments.md)", () => {
  it("keeps the fragment as the term's definition, not a cloze of its bold word", () => {
    expect(sides(parseLayout("stressed-fragments"))).toEqual([
      { front: "Gastrocnemius", back: "plantar flexes the foot, **flexes** the knee" },
      { front: "Tibialis anterior", back: "**dorsiflexes** and inverts the foot" },
    ]);
  });
});

describe("a field list with a remark among its fields (test/fixtures/layouts/field-list-with-remark.md)", () => {
  it("answers the drug with all its bullets, and makes no `Class` card", () => {
    expect(sides(parseLayout("field-list-with-remark"))).toEqual([
      {
        front: "Amoxicillin",
        back: "- **Class:** penicillin\n- **Side effects:** rash, diarrhoea\n- ask about allergies first",
      },
      {
        front: "Doxycycline",
        back: "- tetracycline, blocks the 30S ribosome\n- photosensitivity, stains teeth",
      },
    ]);
  });
});

describe("a mnemonic spelled out letter by letter (test/fixtures/layouts/spelled-out-acronyms.md)", () => {
  it("makes one card of an acronym named above its letters, and a card of each letter that spells nothing named, `A` included", () => {
    expect(sides(parseLayout("spelled-out-acronyms"))).toEqual([
      {
        front: "Using a fire extinguisher: PASS",
        back: "**P** - Pull the pin\n**A** - Aim at the base of the fire\n**S** - Squeeze the handle\n**S** - Sweep from side to side",
      },
      { front: "A", back: "Airway open and clear" },
      { front: "B", back: "Breathing present and normal" },
      { front: "C", back: "Circulation: check the pulse" },
      {
        front: "ARROW",
        back: "- A - Airworthiness certificate\n- R - Registration certificate\n- R - Radio station licence\n- O - Operating limitations\n- W - Weight and balance data",
      },
    ]);
  });
});

describe("a dash typed against the definition (test/fixtures/layouts/dash-against-definition.md)", () => {
  it("splits `caber —to fit` at the dash", () => {
    expect(sides(parseLayout("dash-against-definition"))).toEqual([
      { front: "caber", back: "to fit" },
      { front: "traer", back: "to bring" },
      { front: "oír", back: "to hear" },
      { front: "caer", back: "to fall" },
    ]);
  });
});

describe("a definition list with two definitions of a term (test/fixtures/layouts/definition-lists.md)", () => {
  it("joins the definitions without their `: ` markers", () => {
    expect(sides(parseLayout("definition-lists"))).toEqual([
      { front: "Legato", back: "smoothly, the notes joined" },
      { front: "Staccato", back: "short and detached\nwritten as a dot above the note" },
      { front: "Fermata", back: "hold the note longer than its value" },
    ]);
  });
});

describe("one term heading alone over a line of notes (test/fixtures/layouts/lone-term-heading.md)", () => {
  it("defines the term with the line, though no sibling heading backs it", () => {
    expect(sides(parseLayout("lone-term-heading"))).toEqual([
      { front: "Denormalisation", back: "Copying data into the rows that read it, so reads need no join." },
    ]);
  });
});

describe("headings over a person described or what a thing does (test/fixtures/layouts/headings-over-notes.md)", () => {
  it("reads `Quick-witted farmhand who ...` and `Removes the widget ...` as definitions", () => {
    expect(sides(parseLayout("headings-over-notes"))).toEqual([
      { front: "George Milton", back: "Quick-witted farmhand who looks after Lennie." },
      { front: "Lennie Small", back: "Gentle giant whose strength he cannot control." },
      { front: "destroy()", back: "Removes the widget and every widget inside it." },
    ]);
  });
});

describe("a timeline of years and events (test/fixtures/layouts/timeline-lines.md)", () => {
  it("makes a card of each dated line, the year not taken for hand numbering", () => {
    expect(sides(parseLayout("timeline-lines"))).toEqual([
      { front: "1957", back: "Sputnik 1 reaches orbit" },
      { front: "1961", back: "Gagarin orbits the Earth" },
      { front: "1969", back: "Apollo 11 lands on the Moon" },
      { front: "1926", back: "Goddard launches the first liquid-fuelled rocket" },
      { front: "1942", back: "The V-2 reaches space" },
      { front: "c. 1232", back: 'Chinese "fire arrows" used in war' },
    ]);
  });
});

describe("terms holding initials or an aside with a full stop (test/fixtures/layouts/terms-with-initials-and-asides.md)", () => {
  it("reads `eyes of Dr. T. J. Eckleburg` and `die Kaution (usu. sg.)` as terms, not sentences", () => {
    expect(sides(parseLayout("terms-with-initials-and-asides"))).toEqual([
      { front: "die Kaution (usu. sg.)", back: "the deposit" },
      { front: "die Miete", back: "the rent" },
      { front: "der Vermieter", back: "the landlord" },
      { front: "Daisy's green light", back: "Gatsby's hope of winning her back" },
      { front: "eyes of Dr. T. J. Eckleburg", back: "a watching, godless world" },
      { front: "Owl Eyes", back: "the guest who admires the real books" },
    ]);
  });
});

describe("unnamed and unnumbered statements of a mathematical text (test/fixtures/layouts/unnamed-math-statements.md)", () => {
  it("defines the word a definition sets in italics, fronts an unnumbered theorem by its name, leaves an unnamed theorem alone", () => {
    expect(
      sides(parseLayout("unnamed-math-statements")).filter((card) => !card.front.includes("[...]")),
    ).toEqual([
      { front: "connected", back: "A graph is *connected* if there is a path between every two vertices." },
      { front: "Handshake lemma", back: "The degrees of a graph's vertices sum to twice its edges." },
    ]);
  });
});

describe("one heading alone over a statement (test/fixtures/layouts/lone-heading-over-statement.md)", () => {
  it("defines the heading's term with the statement, but not with the writer's remark (lone-heading-over-remark.md)", () => {
    expect(sides(parseLayout("lone-heading-over-statement"))).toEqual([
      {
        front: "Principle of least privilege",
        back: "Every process should hold only the permissions its task needs.",
      },
    ]);
    expect(
      sides(parseLayout("lone-heading-over-remark")).filter((card) => !card.front.includes("[...]")),
    ).toEqual([]);
  });
});

describe("two term headings (test/fixtures/layouts/two-term-headings.md)", () => {
  it("makes a card of each of two headings over a definition with its verb left out, not of headings over sentences", () => {
    expect(sides(parseLayout("two-term-headings"))).toEqual([
      { front: "Monopoly", back: "A market with a single seller and no close substitutes." },
      { front: "Oligopoly", back: "The few large firms of a market, each watching the others' prices." },
      { front: "Osmosis", back: "Diffusion of water through a partially permeable membrane." },
      { front: "Active transport", back: "Net movement of particles against their gradient, using energy." },
    ]);
  });
});

describe("two term headings over `Ratio of ...` or `How ...` (test/fixtures/layouts/two-term-headings-more.md)", () => {
  it("makes a card of each of two headings over a noun phrase without its article or a `How ...` clause", () => {
    expect(sides(parseLayout("two-term-headings-more"))).toEqual([
      { front: "Risk ratio", back: "Ratio of the risk in the exposed to the risk in the unexposed." },
      { front: "Odds ratio", back: "Ratio of the odds of exposure in cases to that in controls." },
      { front: "Pitch", back: "How high or low a note sounds." },
      { front: "Timbre", back: "The tone colour of a sound." },
    ]);
  });
});

describe("a heading over its named facts (test/fixtures/layouts/study-fields.md)", () => {
  it("answers a study or pattern heading with its `Aim:` / `Method:` / `When to use:` lines, and keeps a glossary of such names", () => {
    expect(sides(parseLayout("study-fields"))).toEqual([
      {
        front: "Peterson and Peterson (1959)",
        back:
          "- Aim: to find how long short-term memory lasts without rehearsal\n" +
          "- Method: 24 students recalled trigrams after counting backwards\n  for 3 to 18 seconds\n" +
          "- Findings: recall fell below 10% after 18 seconds",
      },
      {
        front: "Baddeley (1966)",
        back:
          "Aim: to see whether long-term memory codes words by meaning.\n" +
          "Method: lists of synonyms and unrelated words, recalled after\ntwenty minutes.\n" +
          "Findings: synonyms were recalled worse, so coding is semantic.",
      },
      { front: "Aim", back: "a general statement of what a study intends to investigate" },
      { front: "Hypothesis", back: "a precise, testable statement of the expected outcome" },
      { front: "Sample", back: "the group of people who take part in a study" },
      {
        front: "Prefix sums",
        back: "**When to use:** many range-sum queries over an array that does not change\n**Time:** O(n) to build, O(1) a query",
      },
    ]);
  });
});

describe("term lines behind a label (test/fixtures/layouts/definition-labels.md)", () => {
  it("reads the term line after `Def:` or `Key term:`, not the label, and leaves `Definition:` over a sentence alone", () => {
    expect(sides(parseLayout("definition-labels"))).toEqual([
      { front: "Externality", back: "a cost or benefit that falls on a third party." },
      { front: "Merit good", back: "a good the state thinks is under-consumed." },
      { front: "deadweight loss", back: "the surplus lost when a market is not at equilibrium" },
    ]);
  });
});

describe("what the writer drew from a lesson (test/fixtures/layouts/takeaway-labels.md)", () => {
  it("reads `Key idea:` and `Rule of thumb:` as labels, not terms beside the glossary", () => {
    expect(sides(parseLayout("takeaway-labels"))).toEqual([
      { front: "Inversion", back: "a pair i<j with A[i] > A[j]" },
      { front: "Stable sort", back: "keeps equal keys in their order" },
    ]);
  });
});

describe("definitions written `:=` or `≡` (test/fixtures/layouts/identity-separators.md)", () => {
  it("splits a term from its definition at `:=` and `≡`, leaving no `=` in the back", () => {
    expect(sides(parseLayout("identity-separators"))).toEqual([
      { front: "Waiting time", back: "total time in the ready queue" },
      { front: "Convoy effect", back: "short jobs queue behind one long job" },
      { front: "Starvation", back: "a ready process never gets scheduled" },
    ]);
  });
});

describe("a glossary numbered `1.1`, `1.2` under numbered groups (test/fixtures/layouts/numbered-outline-glossary.md)", () => {
  it("makes a card of every numbered entry of every group, on its own line, numbers dropped, a word-for-word copy once", () => {
    expect(placed(parseLayout("numbered-outline-glossary"))).toEqual([
      {
        kind: "basic",
        line: 4,
        front: "Main sequence",
        back: "the band where stars fuse hydrogen in their cores",
      },
      { kind: "basic", line: 5, front: "Red giant", back: "a late stage with a swollen, cooler envelope" },
      { kind: "basic", line: 7, front: "Parsec", back: "the distance at which one AU spans one arcsecond" },
      { kind: "basic", line: 8, front: "Light year", back: "the distance light travels in a year" },
      { kind: "basic", line: 10, front: "Parallax", back: "the shift of a near star against far ones" },
      { kind: "basic", line: 12, front: "Refractor", back: "a telescope that focuses with lenses" },
    ]);
  });
});

describe("entries left empty (test/fixtures/layouts/empty-entries.md)", () => {
  it("keeps `el jardín:` with no meaning out of the definition above it", () => {
    expect(sides(parseLayout("empty-entries"))).toEqual([
      { front: "la cocina", back: "kitchen" },
      { front: "la sala", back: "living room" },
      { front: "el piso", back: "floor (Spain: apartment)" },
    ]);
  });
});

describe("phrases in a vocabulary list (test/fixtures/layouts/phrase-vocabulary.md)", () => {
  it("reads phrases ending in `!`, `.` or `?` and idioms opening with `in the` as entries, and an example sentence under a word as its answer", () => {
    expect(sides(parseLayout("phrase-vocabulary"))).toEqual([
      { front: "Bom apetite!", back: "Enjoy your meal!" },
      { front: "Obrigado", back: "thank you" },
      { front: "Saúde!", back: "cheers / bless you" },
      { front: "A conta, por favor.", back: "The bill, please." },
      { front: "tener hambre", back: "to be hungry\n\n- Tengo mucha hambre. = I'm very hungry." },
      { front: "in the end", back: "finally" },
      { front: "under the weather", back: "ill" },
      { front: "Habari?", back: "How are you?" },
      { front: "Nzuri", back: "fine, good" },
      { front: "Karibu", back: "welcome" },
      { front: "**이거** 얼마예요?", back: "How much is this?" },
      { front: "화장실이 어디예요?", back: "Where is the bathroom?" },
    ]);
  });
});

describe("term headings beside question headings (test/fixtures/layouts/term-and-question-headings.md)", () => {
  it("cards the term headings of a section that also asks questions in headings", () => {
    expect(sides(parseLayout("term-and-question-headings"))).toEqual([
      { front: "Pilha", back: "Estrutura em que o último elemento a entrar é o primeiro a sair." },
      { front: "Fila", back: "Estrutura em que o primeiro elemento a entrar é o primeiro a sair." },
      { front: "Deque", back: "Fila com inserção e remoção nas duas pontas." },
      {
        front: "Como saber se a pilha está vazia?",
        back: "Verificando se o topo aponta para nenhum elemento.",
      },
      { front: "Channel", back: "A typed conduit between goroutines." },
      { front: "Goroutine", back: "A lightweight thread managed by the runtime." },
      { front: "Is Go case sensitive?", back: "Yes, identifiers differ by case." },
    ]);
  });
});

describe("headings over What/Why parts (test/fixtures/layouts/what-why-headings.md)", () => {
  it("cards each decorated, numbered term heading with its What/Why/Example list, and no card of the parts", () => {
    const deck = parseLayout("what-why-headings");
    const terms = deck.cards.filter((card) => !card.fact);
    expect(terms.map((card) => card.front)).toEqual(["Subnet", "Gateway"]);
    expect(terms[0]!.back).toBe(
      "- **What:** A range of addresses carved out of a larger network.\n" +
        "- **Why:** Keeps broadcast traffic local and lets you apply rules per range.\n" +
        "- **Example:** 10.0.1.0/24 for the web servers, 10.0.2.0/24 for the databases.",
    );
    expect(terms[1]!.back).toMatch(/^- \*\*What:\*\* The router a host sends traffic to/);
  });
});

describe("a bold term with an aside before its colon (test/fixtures/layouts/bold-term-aside-colon.md)", () => {
  it("reads `**Search** (O(log n)):` over a nested definition as the term with its aside", () => {
    expect(sides(parseLayout("bold-term-aside-colon"))).toEqual([
      { front: "Search (O(log n))", back: "Walks down from the root, left when smaller, right when larger." },
      {
        front: "Delete (O(log n))",
        back: "Replaces the node with its in-order successor when it has two children.",
      },
      {
        front: "Traverse (in-order)",
        back: "Visits left subtree, node, right subtree, so the values come out sorted.",
      },
    ]);
  });
});

describe("term lines typed flush left after a list of them (test/fixtures/layouts/flush-left-term-lines.md)", () => {
  it("reads two or more flush-left term lines after a bullet of one as entries of their own, and keeps a wrapped line in its bullet", () => {
    expect(sides(parseLayout("flush-left-term-lines"))).toEqual([
      { front: "Conduction", back: "heat passed on by contact" },
      { front: "Convection", back: "heat carried by a moving fluid" },
      { front: "Density", back: "mass per unit volume" },
      { front: "Pressure", back: "force per unit area" },
      {
        front: "Radiation",
        back: "heat carried by infrared waves, which need\nno medium and so cross a vacuum",
      },
      { front: "Reflection", back: "light bouncing off a surface" },
    ]);
  });
});

describe("words glossed in brackets (test/fixtures/layouts/glossed-vocabulary.md)", () => {
  it("reads a list of `word (meaning)` items as vocabulary, and no list whose brackets are pages, versions or remarks", () => {
    expect(sides(parseLayout("glossed-vocabulary"))).toEqual([
      { front: "rosso", back: "red" },
      { front: "verde chiaro", back: "light green" },
      { front: "azzurro", back: "sky blue" },
      { front: "Come stai?", back: "How are you?" },
      { front: "mangiare", back: "to eat" },
      { front: "bere", back: "to drink" },
      { front: "dormire", back: "to sleep" },
    ]);
  });
});

describe("a bold term typed right under a bullet (test/fixtures/layouts/bold-term-under-bullet.md)", () => {
  it("reads a bold term alone under a bullet as the head of the bullets after it, and keeps one that ends the list in its bullet", () => {
    expect(sides(parseLayout("bold-term-under-bullet"))).toEqual([
      { front: "Cerebellum", back: "- coordinates movement\n- keeps balance" },
      { front: "Hippocampus", back: "forms new memories" },
      // The last bullet's own bold words: a fact in its text, not a term over bullets.
      { front: "Bring the lab book and\n[...]", back: "Bring the lab book and\n**a pencil**" },
    ]);
  });
});

describe("term headings with one sentence among them (test/fixtures/layouts/term-headings-one-sentence.md)", () => {
  it("cards the term headings when one in four or fewer of them (three or more) is something else, and not that one", () => {
    expect(sides(parseLayout("term-headings-one-sentence"))).toEqual([
      { front: "Basalt", back: "dark volcanic rock, fine grained" },
      { front: "Granite", back: "pale intrusive rock, coarse grained" },
      { front: "Marble", back: "limestone changed by heat and pressure" },
      { front: "Slate", back: "shale pressed into thin sheets" },
      { front: "Chalk", back: "soft white limestone made of plankton shells" },
      { front: "Stoicism", back: "Virtue is the only good." },
      { front: "Cynicism", back: "Live simply, by nature." },
      { front: "Skepticism", back: "Suspend judgment." },
    ]);
  });
});

describe("term lines run on after a numbered list (test/fixtures/layouts/term-lines-run-on-after-list.md)", () => {
  it("reads flush-left term lines after a list as entries of their own, a bare line among them staying with the line above", () => {
    expect(sides(parseLayout("term-lines-run-on-after-list"))).toEqual([
      { front: "Physical", back: "rock broken up without any change to its minerals" },
      { front: "Chemical", back: "minerals of the rock changed by water or acid" },
      { front: "Biological", back: "rock broken by roots and burrowing animals" },
      { front: "Scree", back: "loose rock at the foot of a slope\nTor types" },
      { front: "Exfoliation", back: "outer layers peeling off as the rock heats and cools" },
      { front: "Talus", back: "another name for scree" },
    ]);
  });
});

describe("words in code with their meaning run on (test/fixtures/layouts/code-led-vocabulary.md)", () => {
  it("reads a list of `` `word` meaning `` items as vocabulary, and not a paragraph or a lone item opening with code", () => {
    expect(sides(parseLayout("code-led-vocabulary"))).toEqual([
      { front: "`il pane`", back: "bread" },
      { front: "`la mela`", back: "the apple" },
      { front: "`e`", back: "and" },
      { front: "`grazie`", back: "thank you" },
      { front: "`lo zucchero`", back: "sugar" },
      // Facts in prose, as before: code in a sentence.
      {
        front: "[...] fetches the packages the project lists, then writes the lock file.",
        back: "`npm install` fetches the packages the project lists, then writes the lock file.",
      },
      { front: "[...] runs the tests", back: "`npm test` runs the tests" },
    ]);
  });
});

describe("a word list with full stops and named parts (test/fixtures/layouts/word-list-full-stops.md)", () => {
  it("reads `* Meander.` as the word over its meaning, and `Def:` / `Usage:` lines as its answer, not cards", () => {
    expect(sides(parseLayout("word-list-full-stops"))).toEqual([
      { front: "Meander", back: "- A wide bend in a river.\n- Forms where the flow slows on the inside." },
      { front: "Delta", back: "Land built up where a river meets the sea." },
      {
        front: "Levee",
        back: "- Def: A raised bank along a river.\n- Usage: The levee held during the spring floods.",
      },
      { front: "Oxbow", back: "A lake cut off from a meander." },
    ]);
  });
});

describe("remark labels in other languages (test/fixtures/layouts/labels-other-languages.md)", () => {
  it("makes no term of `Beispiel:`, `Ejemplo:`, `Nota:`, `Observação:`, `Remarque :`, `추가 설명:` lines beside the words they are about", () => {
    expect(fronts(parseLayout("labels-other-languages"))).toEqual([
      "der Nebel",
      "das Gewitter",
      "la llovizna",
      "el granizo",
      "a garoa",
      "le brouillard",
      "스택",
      "큐",
    ]);
  });

  it("keeps those words as vocabulary where a word or two defines them (`- Beispiel: example`, `- Antwort: answer`)", () => {
    const source = [
      "- Tafel: blackboard",
      "- Heft: exercise book",
      "- Beispiel: example",
      "- Antwort: answer",
      "- Lösung: solution",
      "- Stift: pen",
      "",
      "## Vocabulario",
      "",
      "- nota: grade",
      "- pizarra: blackboard",
      "- cuaderno: notebook",
    ].join("\n");
    // A template's `Q: question` / `A: answer`, or a term left `Mitosis: answer`, is no vocabulary.
    expect(parseDeck("Q: question\nA: answer\n\n- Mitosis: answer\n- Osmosis: solution").cards).toEqual([]);
    expect(fronts(parseDeck(source))).toEqual([
      "Tafel",
      "Heft",
      "Beispiel",
      "Antwort",
      "Lösung",
      "Stift",
      "nota",
      "pizarra",
      "cuaderno",
    ]);
  });
});

describe("word entries with fields (test/fixtures/layouts/word-entries-with-fields.md)", () => {
  it("answers a bold word with all its lines, its `syn:` / `ant:` / `ex:` lines included, not cards of their own", () => {
    expect(sides(parseLayout("word-entries-with-fields"))).toEqual([
      { front: "candid", back: "honest and direct\nadj. frank\na candid reply\nsyn: forthright, blunt" },
      { front: "ephemeral", back: "lasting a very short time\nadj. fleeting\nant: permanent" },
      {
        front: "mitigate",
        back: "make less severe\nv. ease\nex: measures to mitigate the damage\nsyn: alleviate",
      },
    ]);
  });
});

describe("a bold term defined beside bold terms nested in it (test/fixtures/layouts/term-beside-nested-terms.md)", () => {
  it("answers the term with its defining bullet; the nested terms are cards of their own, unless it announces them", () => {
    expect(sides(parseLayout("term-beside-nested-terms"))).toEqual([
      { front: "Transport proteins", back: "Move molecules across the membrane." },
      { front: "Channel proteins", back: "form pores that let ions through." },
      { front: "Carrier proteins", back: "change shape to carry one molecule across." },
      { front: "Receptor proteins", back: "Bind signalling molecules outside the cell." },
      {
        front: "Enzymes",
        back: "- Three kinds sit in membranes:\n- **Peripheral**: loosely bound to one face.\n- **Integral**: span the bilayer.",
      },
      // `Inputs` is a fact of photosynthesis, not a kind of it: one card.
      {
        front: "Photosynthesis",
        back: "- Turns light energy into chemical energy.\n- **Inputs**: carbon dioxide and water",
      },
    ]);
  });
});

describe("definitions labelled in other languages, or as a part of a concept (test/fixtures/layouts/definition-labels-other-languages.md)", () => {
  it("answers the term above a `定义：` / `Definición:` bullet or a `**What it is:**` line, not the label", () => {
    expect(sides(parseLayout("definition-labels-other-languages"))).toEqual([
      { front: "RDB", back: "- 定义：定期把内存快照写到磁盘\n- 优点：恢复快" },
      { front: "AOF", back: "记录每一次写操作" },
      { front: "el andén", back: "la plataforma de una estación" },
      { front: "la taquilla", back: "donde se compran los billetes" },
      { front: "Casting", back: "Converting a value by hand." },
      { front: "Coercion", back: "Python converting a value for you." },
    ]);
  });
});

describe("numbered chapters over term headings (test/fixtures/layouts/numbered-chapter-headings.md)", () => {
  it("reads `## 4. Networking` over nothing but sub-headings as a chapter, not a question answered by its first term", () => {
    expect(sides(parseLayout("numbered-chapter-headings"))).toEqual([
      { front: "Virtual machines", back: "- rented servers you fully control\n- billed per second" },
      { front: "Functions", back: "- code that runs per event\n- billed per execution" },
      { front: "Virtual network", back: "- a private network for your resources\n- split into subnets" },
      { front: "Load balancer", back: "spreads traffic across servers" },
    ]);
  });
});

describe("tables written in HTML (test/fixtures/layouts/html-tables.md)", () => {
  it("reads a `<table>` as the markdown table it means, its `<td>` header row too, not a table inside other HTML or of links", () => {
    expect(sides(parseLayout("html-tables"))).toEqual([
      { front: "Ion", back: "an atom or molecule with a charge" },
      { front: "Isotope", back: "atoms of one element with different numbers of neutrons" },
      { front: "Molar mass", back: "the mass of one mole of a substance" },
      { front: "Anion", back: "a negative ion" },
      { front: "Cation", back: "a positive ion" },
    ]);
  });
});

describe("term lines typed inside one item (test/fixtures/layouts/term-lines-in-one-item.md)", () => {
  it("makes a card of each `Term: ...` / `Term = ...` line under a numbered one, not of a field such as `Side effects:`", () => {
    expect(sides(parseLayout("term-lines-in-one-item"))).toEqual([
      { front: "Gross margin", back: "gross profit / revenue" },
      { front: "Working capital", back: "current assets - current liabilities" },
      { front: "Current ratio", back: "current assets / current liabilities" },
      { front: "Earnings per share", back: "net income / shares outstanding" },
      { front: "Quick ratio", back: "liquid assets / current liabilities" },
      // A fact of the term above is no term of its own.
      { front: "Metoprolol", back: "a beta-1 selective blocker" },
      { front: "Amlodipine", back: "a calcium channel blocker" },
    ]);
  });
});
