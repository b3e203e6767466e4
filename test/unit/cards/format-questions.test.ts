/** Formats 1-2: question bullets, question headings, question paragraphs and Q/A pairs. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, parseFixture, visible } from "./helpers";
import { sides } from "./layout-helpers";

describe("question bullets (test/fixtures/formats/question-bullets.md)", () => {
  const deck = parseFixture("question-bullets");
  const transport = ["Transport layer"];
  const link = ["Measuring a link"];

  it("turns each question item into a card whose back is the rest of the item", () => {
    expect(visible(deck)).toEqual([
      basic(5, transport, "What does TCP stand for?", "Transmission Control Protocol"),
      basic(
        9,
        transport,
        "Why is UDP called connectionless?",
        "No handshake happens before data is sent, so there is no\nconnection state to keep.",
      ),
      basic(14, transport, "What port does HTTPS use by default?", "Port 443."),
      basic(
        16,
        transport,
        "Which fields does a TCP header carry?",
        "- source and destination ports\n- sequence and acknowledgement numbers",
      ),
      basic(
        19,
        transport,
        "How do you open a TCP connection in Node?",
        '```js\nconst socket = net.connect(443, "example.com");\n```',
      ),
      basic(
        25,
        transport,
        "Is UDP faster than TCP?",
        "Usually, because it skips retransmission and ordering.",
      ),
      cloze(
        27,
        transport,
        "TCP opens a connection with a [...].",
        "TCP opens a connection with a **three-way handshake**.",
      ),
      basic(31, link, "What is latency?", "The time a packet takes to travel from source to destination."),
      basic(35, link, "What is bandwidth?", "the amount of data a link can carry per second."),
      basic(
        40,
        ["Exam prompts"],
        "Explain flow control.",
        "The receiver tells the sender how much data it can accept, so a fast sender cannot overwhelm it.",
      ),
      basic(44, ["Exam prompts"], "What does DNS resolve?", "Host names to IP addresses."),
    ]);
  });

  it("warns at the line of a question without an answer and makes no card for it", () => {
    expect(deck.warnings).toEqual([{ line: 26, message: expect.stringContaining("What is a socket?") }]);
    expect(deck.cards.some((card) => card.front.includes("socket?"))).toBe(false);
  });
});

describe("question headings (test/fixtures/formats/question-headings.md)", () => {
  const deck = parseFixture("question-headings");

  it("answers a heading question with everything up to the next heading of its level, sub-headings included", () => {
    expect(visible(deck)).toEqual([
      basic(
        3,
        [],
        "What is photosynthesis?",
        "The process plants use to turn light, water and carbon dioxide into glucose and oxygen.",
      ),
      basic(
        7,
        [],
        "Where does it happen?",
        "In the **chloroplasts**, mostly in leaf cells.\n\n### Light-dependent reactions\n\nTake place in the thylakoid membranes.\n\n### Light-independent reactions\n\nThe Calvin cycle, in the stroma.",
      ),
      basic(21, ["Key terms"], "Chlorophyll", "the green pigment that absorbs light."),
      basic(
        23,
        ["Key terms"],
        "Why are leaves green?",
        "Chlorophyll reflects green light instead of absorbing it.",
      ),
    ]);
  });

  it("does not turn facts inside an answer into cards of their own", () => {
    expect(deck.cards.filter((card) => card.kind === "cloze")).toEqual([]);
  });

  it("warns about a question heading with nothing under it", () => {
    expect(deck.warnings).toEqual([{ line: 27, message: expect.stringContaining("What limits the rate?") }]);
  });
});

describe("question paragraphs (test/fixtures/formats/question-paragraphs.md)", () => {
  it("answers a paragraph that is only a question with the next block, and splits a leading question sentence", () => {
    const deck = parseFixture("question-paragraphs");
    const solar = ["Solar system"];
    expect(visible(deck)).toEqual([
      basic(5, solar, "What is the closest star to Earth?", "The Sun, about 150 million kilometres away."),
      basic(
        9,
        solar,
        "How many planets orbit the Sun?",
        "Eight:\n\n- four rocky planets\n- four giant planets",
      ),
      basic(16, solar, "Why is Pluto no longer a planet?", "It has not cleared its orbit of other objects."),
    ]);
    expect(deck.warnings).toEqual([]);
  });
});

describe("question paragraphs written over several lines", () => {
  it("answer a question line with the lines below it, even a translation that asks too, and join a wrapped question", () => {
    const source = [
      "## 質問",
      "",
      "何を食べたいですか？",
      "What do you want to eat?",
      "",
      "Particle は marks the **topic**.",
      "",
      "Why does the sky",
      "look blue?",
      "",
      "Rayleigh scattering.",
      "",
      "We covered mitosis. Next:",
      "what about meiosis?",
      "",
      "Plain prose.",
    ].join("\n");
    const questions = ["質問"];
    expect(visible(parseDeck(source))).toEqual([
      basic(3, questions, "何を食べたいですか？", "What do you want to eat?"),
      cloze(6, questions, "Particle は marks the [...].", "Particle は marks the **topic**."),
      basic(8, questions, "Why does the sky\nlook blue?", "Rayleigh scattering."),
    ]);
  });
});

describe("a one-item question list followed by an unindented answer", () => {
  it("takes the paragraph as the answer, but never a block that makes its own cards", () => {
    const deck = parseDeck("- What is X?\n\nX is a letter.\n\n1. **Why?**\n\n**Term**: def\n");
    expect(visible(deck)).toEqual([
      basic(1, [], "What is X?", "X is a letter."),
      basic(7, [], "Term", "def"),
    ]);
    expect(deck.warnings).toEqual([{ line: 5, message: expect.stringContaining("Why?") }]);
  });
});

describe("question paragraphs that introduce cards", () => {
  it("never take a block that makes its own cards as their answer", () => {
    const source = [
      "## Vocabulary",
      "",
      "Can you define these?",
      "",
      "**Osmosis**: diffusion of water",
      "",
      "**Diffusion**: spreading out",
      "",
      "What is osmosis?",
      "",
      "- movement of water",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(5, ["Vocabulary"], "Osmosis", "diffusion of water"),
      basic(7, ["Vocabulary"], "Diffusion", "spreading out"),
      basic(9, ["Vocabulary"], "What is osmosis?", "movement of water"),
    ]);
  });
});

describe("Q/A pairs (test/fixtures/formats/qa-pairs.md)", () => {
  it("pairs Q: with A: on the next line, in the next paragraph, in bold, or nested under a bullet", () => {
    const deck = parseFixture("qa-pairs");
    expect(visible(deck)).toEqual([
      basic(3, [], "What is the chemical symbol for sodium?", "Na"),
      basic(6, [], "What is Avogadro's number?", "About 6.022 × 10^23 particles per mole."),
      basic(10, [], "What is a covalent bond?", "A bond in which atoms share electron pairs."),
      basic(13, [], "What is the pH of pure water?", "7 at 25 °C."),
    ]);
    expect(deck.warnings).toEqual([{ line: 16, message: expect.stringContaining("What is an isotope?") }]);
  });
});

describe("several Q/A pairs written together", () => {
  it("makes one card per pair, in one paragraph or as sibling bullets", () => {
    const source = [
      "Q: Capital of Peru?",
      "A: Lima",
      "Q: Capital of Chile?",
      "A: Santiago",
      "",
      "- Q: What is 2+2?",
      "- A: 4",
      "- Q: What is 3+3?",
      "- A: 6",
      "  - because 3 doubled",
      "- Q: What is 4+4?",
    ].join("\n");
    const deck = parseDeck(source);
    expect(visible(deck)).toEqual([
      basic(1, [], "Capital of Peru?", "Lima"),
      basic(3, [], "Capital of Chile?", "Santiago"),
      basic(6, [], "What is 2+2?", "4"),
      basic(8, [], "What is 3+3?", "6\n\n- because 3 doubled"),
    ]);
    expect(deck.warnings).toEqual([{ line: 11, message: expect.stringContaining("What is 4+4?") }]);
  });
});

describe("answer styles (test/fixtures/formats/answer-styles.md)", () => {
  it("reads one-bullet answers, nested topic lists, definition-list answers, bold terms on their own line and Q./Ans.", () => {
    const deck = parseFixture("answer-styles");
    const review = ["Review questions"];
    expect(visible(deck)).toEqual([
      basic(5, review, "What is the capital of Australia?", "Canberra"),
      basic(7, review, "What is the largest desert?", "- Antarctica (cold desert)\n- Sahara (hot desert)"),
      basic(12, review, "What is the capital of Italy?", "Rome"),
      cloze(
        14,
        review,
        "The [...] flows through ten countries.",
        "The **Danube** flows through ten countries.",
      ),
      basic(16, review, "What is a fjord?", "A long, narrow inlet with steep sides, created by a glacier."),
      basic(19, review, "Tundra", "A treeless biome with permanently frozen subsoil."),
      basic(22, review, "What is a delta?", "A landform at the mouth of a river."),
    ]);
    expect(deck.warnings).toEqual([]);
  });
});

describe("questions decorated with emoji", () => {
  it("still reads a heading or bullet as a question, and leaves the emoji (keycap numbers too) off the card", () => {
    const source = [
      "## 🤔 What is Docker?",
      "",
      "A platform for running containers.",
      "",
      "## What's the difference between an image and a container? 🧐",
      "",
      "An image is a template; a container is a running instance.",
      "",
      "## Commands",
      "",
      "- **What is a pod?** 🤔",
      "  The smallest deployable unit.",
      "- ❓ What is a node?",
      "  A worker machine.",
      "",
      "### 1️⃣ What is a volume?",
      "",
      "A directory kept outside the container.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "What is Docker?", "A platform for running containers."),
      basic(
        5,
        [],
        "What's the difference between an image and a container?",
        "An image is a template; a container is a running instance.",
      ),
      basic(11, ["Commands"], "What is a pod?", "The smallest deployable unit."),
      basic(13, ["Commands"], "What is a node?", "A worker machine."),
      basic(16, ["Commands"], "What is a volume?", "A directory kept outside the container."),
    ]);
  });
});

describe("a question sentence with code in it, answered on the same line", () => {
  it("splits after the question mark, not into clozes of the code, unless a bold term opens the line", () => {
    const source = [
      '- What does `typeof null` return? `"object"`',
      "- Is `NaN` equal to itself? No, `NaN !== NaN`.",
      "- Why? Because.",
      "- **Data layer:** Is there one? Check the imports.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "What does `typeof null` return?", '`"object"`'),
      basic(2, [], "Is `NaN` equal to itself?", "No, `NaN !== NaN`."),
      basic(4, [], "Data layer", "Is there one? Check the imports."),
    ]);
  });
});

describe("list items that ask without a question mark", () => {
  it("read an unpunctuated question, or a prompt that ends its sentence, as the question of the answer under it", () => {
    const source = [
      "+ what is a monomer",
      "  + a single building block of a polymer",
      "+ How does ATP synthase work",
      "  It uses a proton gradient.",
      "+ How it works",
      "  + step one",
      "",
      "1) Name the organelle that makes ATP.",
      "   Mitochondria",
      "2) List comprehensions are fast",
      "   and readable",
      "",
      "* Which bone is the longest in the body",
      "  Femur",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "what is a monomer", "a single building block of a polymer"),
      basic(3, [], "How does ATP synthase work", "It uses a proton gradient."),
      basic(8, [], "Name the organelle that makes ATP.", "Mitochondria"),
      basic(13, [], "Which bone is the longest in the body", "Femur"),
    ]);
  });
});

describe("a prompt verb that is a noun too, before another task", () => {
  it("reads `List and describe ...` and `Name and explain ...` as prompts answered by the line under them", () => {
    const source = [
      "**1. List and describe 2 list elements used in HTML.**",
      "`<li>` a list item, `<ul>` the list itself",
      "",
      "**2. Name and explain one sectioning element.**",
      "`<nav>` holds the main navigation links",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(
        1,
        [],
        "List and describe 2 list elements used in HTML.",
        "`<li>` a list item, `<ul>` the list itself",
      ),
      basic(4, [], "Name and explain one sectioning element.", "`<nav>` holds the main navigation links"),
    ]);
  });
});

describe("prompts of Chinese, Korean and Japanese notes, with no question mark", () => {
  it("reads `简述 ...`, `... 설명해주세요.` and `...とは何か` headings as prompts over their answers", () => {
    const source = [
      "## 简述 TCP 的三次握手",
      "",
      "客户端发送 SYN，服务端回复 SYN-ACK，客户端再发送 ACK。",
      "",
      "## 라우터에 대해 설명해주세요.",
      "",
      "서로 다른 네트워크 사이에서 패킷을 전달하는 장비",
      "",
      "## DNSとは何か",
      "",
      "ドメイン名をIPアドレスに変換する仕組み。",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "简述 TCP 的三次握手", "客户端发送 SYN，服务端回复 SYN-ACK，客户端再发送 ACK。"),
      basic(5, [], "라우터에 대해 설명해주세요.", "서로 다른 네트워크 사이에서 패킷을 전달하는 장비"),
      basic(9, [], "DNSとは何か", "ドメイン名をIPアドレスに変換する仕組み。"),
    ]);
  });
});

describe("questions typed as notes, `Why ...` with no question mark", () => {
  it("reads `### Why use a water bath` over its answer as the question, and not `### Why React` nor the writer's story", () => {
    const source = [
      "### Why copper conducts electricity",
      "",
      "Delocalised electrons carry the charge.",
      "",
      "### Why use a water bath",
      "",
      "Even heating of the mixture.",
      "",
      "### Why React",
      "",
      "We picked it for the course project.",
      "",
      "### Why I switched to Vim last year",
      "",
      "It starts fast.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Why copper conducts electricity", "Delocalised electrons carry the charge."),
      basic(5, [], "Why use a water bath", "Even heating of the mixture."),
    ]);
  });
});

describe("Obsidian callouts whose title asks", () => {
  it("are questions answered by the callout's body; other callouts are walked as before", () => {
    const source = [
      "## Scheduling",
      "",
      "> [!question] Why does Round Robin have a higher turnaround than SJF?",
      "> Because it interleaves all jobs.",
      "",
      "> [!faq]- **What is a zombie process?** 🧟",
      "> - A finished child whose parent has not called `wait()`.",
      "",
      "> [!tip] Shortcut",
      "> The **heap** grows up.",
      "",
      "> [!question] What is a race condition?",
    ].join("\n");
    const deck = parseDeck(source);
    const scheduling = ["Scheduling"];
    expect(visible(deck)).toEqual([
      basic(
        3,
        scheduling,
        "Why does Round Robin have a higher turnaround than SJF?",
        "Because it interleaves all jobs.",
      ),
      basic(
        6,
        scheduling,
        "What is a zombie process?",
        "A finished child whose parent has not called `wait()`.",
      ),
      cloze(10, scheduling, "The [...] grows up.", "The **heap** grows up."),
    ]);
    expect(deck.warnings).toEqual([{ line: 12, message: expect.stringContaining("race condition") }]);
  });
});

describe("collapsible answers in HTML <details>", () => {
  it("make a card when the summary asks: markdown between the tags, or HTML inside them, is the answer", () => {
    const source = [
      "## FAQ",
      "",
      "<details>",
      "<summary>Why does my effect run twice in development?</summary>",
      "",
      "React **Strict Mode** mounts, unmounts and mounts again.",
      "",
      "</details>",
      "",
      "<details>",
      "  <summary><b>Can hooks be called conditionally?</b></summary>",
      "",
      "  No. Hooks must be called in the same order.",
      "</details>",
      "",
      "<details><summary>What does this print?</summary>",
      "<p>It prints <code>42</code>:</p>",
      "<pre><code>console.log(42)",
      "</code></pre>",
      "</details>",
      "",
      "<details>",
      "<summary>Click to expand</summary>",
      "",
      "The **hidden** text.",
      "",
      "</details>",
    ].join("\n");
    const faq = ["FAQ"];
    expect(visible(parseDeck(source))).toEqual([
      basic(
        3,
        faq,
        "Why does my effect run twice in development?",
        "React **Strict Mode** mounts, unmounts and mounts again.",
      ),
      basic(10, faq, "Can hooks be called conditionally?", "No. Hooks must be called in the same order."),
      basic(16, faq, "What does this print?", "It prints `42`:\n\n```\nconsole.log(42)\n```"),
      cloze(25, faq, "The [...] text.", "The **hidden** text."),
    ]);
  });

  it("ends an element at its own closing tag when the next one opens in the same HTML block", () => {
    const source = [
      "<details><summary>Should I commit my `.env` file?</summary><br/>",
      "",
      "No.",
      "",
      "</details>",
      "<details><summary>What about variable expansion?</summary><br/>",
      "",
      "Use dotenvx.",
      "",
      "</details>",
      "",
      "<details><summary>What is 1+1?</summary>Two.</details>",
      "<details><summary>What is 2+2?</summary>Four.</details>",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Should I commit my `.env` file?", "No."),
      basic(6, [], "What about variable expansion?", "Use dotenvx."),
      basic(12, [], "What is 1+1?", "Two."),
      basic(13, [], "What is 2+2?", "Four."),
    ]);
  });
});

describe("multiple-choice options under a question", () => {
  it("keep their a) b) letters: `a)` is an option there, not an `A)` answer label", () => {
    const source = [
      "1. **Name two sorting algorithms.**",
      "   a) quicksort",
      "   b) mergesort",
      "",
      "Q: Which is prime?",
      "a) 4",
      "b) 7",
      "A: b) 7",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Name two sorting algorithms.", "a) quicksort\nb) mergesort"),
      basic(5, [], "Which is prime?\na) 4\nb) 7", "b) 7"),
    ]);
  });
});

describe("answers indented into code blocks", () => {
  it("read a sentence wrapped after a semicolon as prose, and keep real code without the extra indent", () => {
    const source = [
      "- **Why is UDP fast?**",
      "",
      "        No handshake happens before data is sent;",
      "        there is no connection state to keep.",
      "",
      "- **How do you print in C?**",
      "",
      '        printf("hi");',
      "          return 0;",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(
        1,
        [],
        "Why is UDP fast?",
        "No handshake happens before data is sent;\nthere is no connection state to keep.",
      ),
      basic(6, [], "How do you print in C?", '```\nprintf("hi");\n  return 0;\n```'),
    ]);
  });
});

describe("exam questions with their marks after the question mark", () => {
  it("are still questions, and the marks stay with the question", () => {
    const source = [
      "### 1. What is osmosis? (2 marks)",
      "",
      "Movement of water across a membrane.",
      "",
      "### Bullets",
      "",
      "- **Why do cells divide?** (3 marks)",
      "  For growth and repair.",
      "- What is a gene? (1 mark)",
      "  A unit of heredity.",
      "- **Is it alive?** (yes)",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "What is osmosis? (2 marks)", "Movement of water across a membrane."),
      basic(7, ["Bullets"], "Why do cells divide? (3 marks)", "For growth and repair."),
      basic(9, ["Bullets"], "What is a gene? (1 mark)", "A unit of heredity."),
      basic(11, ["Bullets"], "Is it alive?", "(yes)"),
    ]);
  });

  it("but a glob or regex such as `?(a|b)` in a heading is no question", () => {
    // Alone over its meaning it is a term, as any lone heading over a line of notes.
    expect(sides(parseDeck("### `?(e1|e2|...)`\n\nZero or one.\n"))).toEqual([
      { front: "`?(e1|e2|...)`", back: "Zero or one." },
    ]);
  });
});

describe("a dash or arrow between a question and its answer on one line", () => {
  it("is not part of the answer", () => {
    const source = [
      "- What is a mutex? - a lock that one thread holds at a time",
      "- What is a semaphore? → a counter of permits",
      "- **Is it reentrant?** -> no",
      "",
      "Why is the sky blue? — Rayleigh scattering.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "What is a mutex?", "a lock that one thread holds at a time"),
      basic(2, [], "What is a semaphore?", "a counter of permits"),
      basic(3, [], "Is it reentrant?", "no"),
      basic(5, [], "Why is the sky blue?", "Rayleigh scattering."),
    ]);
  });
});

describe("a Q: label inside the bold question, and a Q: answered without an A:", () => {
  it("reads the bold as the question, answered by the lines under it or by the next block", () => {
    const source = [
      "**Q: Write a rate limiter (token bucket).**",
      "",
      "```python",
      "class TokenBucket: ...",
      "```",
      "",
      "Q: Which port does SSH use?",
      "",
      "Port 22.",
      "",
      "**Q: Name a CAP trade-off.**",
      "**A: Consistency or availability.**",
      "",
      "**Q1. Why does a monopolist produce less?**",
      "Because its marginal revenue falls below the price.",
      "",
      "Q: Is this answered?",
      "",
      "**Term**: makes its own card",
    ].join("\n");
    const deck = parseDeck(source);
    expect(visible(deck)).toEqual([
      basic(1, [], "Write a rate limiter (token bucket).", "```python\nclass TokenBucket: ...\n```"),
      basic(7, [], "Which port does SSH use?", "Port 22."),
      basic(11, [], "Name a CAP trade-off.", "Consistency or availability."),
      basic(
        14,
        [],
        "Why does a monopolist produce less?",
        "Because its marginal revenue falls below the price.",
      ),
      basic(19, [], "Term", "makes its own card"),
    ]);
    expect(deck.warnings).toEqual([{ line: 17, message: expect.stringContaining("Is this answered?") }]);
  });
});

describe("a question wrapped over two lines in a bullet or paragraph", () => {
  it("is one question, answered by what follows it", () => {
    const source = [
      "- What is the difference between a process",
      "  and a thread?",
      "  - a thread shares its process's memory",
      "",
      "What is the difference between a list",
      "and a tuple?",
      "Tuples are immutable.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(
        1,
        [],
        "What is the difference between a process\nand a thread?",
        "a thread shares its process's memory",
      ),
      basic(5, [], "What is the difference between a list\nand a tuple?", "Tuples are immutable."),
    ]);
  });
});

describe("questions numbered `#2` or with a lettered `L3)`", () => {
  it("drops the numbering from the front, as it drops `1.` and `Q1.`", () => {
    const source = [
      "### #1 Что такое поток?",
      "",
      "Последовательность событий.",
      "",
      "### #2. Что такое подписчик?",
      "",
      "Тот, кто получает события.",
      "",
      "**L3) Was ist Backtracking?**",
      "",
      "Ein Suchverfahren mit Rücksprung.",
    ].join("\n");
    expect(sides(parseDeck(source))).toEqual([
      { front: "Что такое поток?", back: "Последовательность событий." },
      { front: "Что такое подписчик?", back: "Тот, кто получает события." },
      { front: "Was ist Backtracking?", back: "Ein Suchverfahren mit Rücksprung." },
    ]);
  });
});
