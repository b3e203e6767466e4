/**
 * Layouts that ask: exam prompts without `?`, numbered questions, multiple choice with the right
 * option marked, and question headings over glossaries, tables and rules. Each expectation is the
 * card a careful person would make from the note.
 */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, visible } from "./helpers";
import { fronts, parseLayout, placed, sides } from "./layout-helpers";

describe("prompts without `?` (test/fixtures/layouts/exam-prompts.md)", () => {
  const deck = parseLayout("exam-prompts");
  const short = ["Short answers"];

  it("answers `Explain`, `Describe`, `List the` and `Briefly discuss` headings with their section, a `?:` question and a `Define X:` bullet with what follows", () => {
    expect(visible(deck)).toEqual([
      basic(
        3,
        [],
        "Explain opportunity cost",
        "The value of the next best choice that you give up when you decide.",
      ),
      basic(
        7,
        [],
        "Describe a perfectly competitive market",
        "Many small firms sell the same product, so no single firm can set the price.",
      ),
      basic(11, [], "List the factors of production", "- land\n- labour\n- capital\n- enterprise"),
      basic(
        18,
        [],
        "Briefly discuss the role of a central bank",
        "A central bank sets interest rates and lends to commercial banks when nobody else will.",
      ),
      // The colon after `?` only leads into the answer: it is not part of the question.
      basic(24, short, "Why do prices rise?", "Demand grows faster than supply."),
      basic(
        27,
        short,
        "What does GDP measure?",
        "The value of all goods and services a country produces in a year.",
      ),
      basic(29, short, "Define inflation", "A general rise in prices over time"),
    ]);
  });
});

describe("numbered questions", () => {
  it("answers `1. What is X?` with the unindented paragraph after it, and `Q1.` with the `A:` line under it (test/fixtures/layouts/numbered-questions.md)", () => {
    expect(visible(parseLayout("numbered-questions"))).toEqual([
      basic(5, ["Keys"], "What is a primary key?", "A column whose value identifies each row of a table."),
      basic(
        9,
        ["Keys"],
        "What is a foreign key?",
        "A column that holds the primary key of a row in another table.",
      ),
      basic(
        15,
        ["Transactions"],
        "What does ACID stand for?",
        "Atomicity, consistency, isolation and durability.",
      ),
      basic(
        18,
        ["Transactions"],
        "What is a rollback?",
        "Undoing every change a transaction made before it failed.",
      ),
    ]);
  });

  it("answers `## 3) ...` headings with their paragraph, those without `?` among them too, and drops the number (test/fixtures/layouts/numbered-headings.md)", () => {
    expect(visible(parseLayout("numbered-headings"))).toEqual([
      basic(
        3,
        [],
        "What is an index?",
        "A structure that lets the database find rows without reading the whole table.",
      ),
      basic(
        7,
        [],
        "Clustered vs non-clustered index",
        "A clustered index stores the rows themselves in key order; a non-clustered one points to rows kept elsewhere.",
      ),
      basic(
        11,
        [],
        "Why do indexes slow down writes?",
        "Every insert or update has to change each index on the table as well.",
      ),
      basic(
        15,
        [],
        "Composite index",
        "An index on several columns, used when a query filters on its leading columns.",
      ),
    ]);
  });
});

describe("multiple choice with the right option marked (test/fixtures/layouts/multiple-choice.md)", () => {
  it("answers with the marked option's text: `->` before it, `-->` over a `->`, `(correct)` after it", () => {
    expect(visible(parseLayout("multiple-choice"))).toEqual([
      basic(
        3,
        [],
        "Which change would most likely raise the quantity of wheat supplied?",
        "a rise in the price of wheat",
      ),
      basic(9, [], "Which of these is a public good?", "street lighting"),
      basic(14, [], "Which measure counts only final goods and services?", "GDP"),
    ]);
  });
});

describe("multiple choice with the right option highlighted (test/fixtures/layouts/highlighted-options.md)", () => {
  it("answers with the `==highlighted==` option, in a list or lettered in the question's paragraph; a highlight in prose stays a cloze", () => {
    expect(sides(parseLayout("highlighted-options"))).toEqual([
      { front: "Which river did the expedition follow west?", back: "The Missouri" },
      { front: "In which year was the purchase made?", back: "1803" },
      { front: "Which organ makes bile?", back: "the liver" },
      {
        front: "The [...] doubled the size of the country.",
        back: "The Louisiana Purchase doubled the size of the country.",
      },
    ]);
  });
});

describe("answer labels in other languages (test/fixtures/layouts/answer-labels-other-languages.md)", () => {
  it("drops `Réponse attendue :`, `Expected answer:`, `Antwort:`, `Respuesta:` from the answer and makes no card of them", () => {
    expect(sides(parseLayout("answer-labels-other-languages"))).toEqual([
      {
        front: "Qu'est-ce qu'une condition de course ?",
        back: "Deux processus modifient la même ressource sans synchronisation.",
      },
      { front: "What does a mutex guard?", back: "A section only one thread may run at a time." },
      { front: "Was ist ein Semaphor?", back: "Ein Zähler, der den Zugang zu einer Ressource begrenzt." },
      { front: "¿Qué es un interbloqueo?", back: "Dos procesos que se esperan mutuamente." },
    ]);
  });
});

describe("interview headings that ask without a question mark (test/fixtures/layouts/interview-headings-without-marks.md)", () => {
  it("asks `X 与 Y 的区别`, `为什么 ...`, `...とは` and `Difference between X and Y` over their answers, the compared items inside the answer", () => {
    expect(sides(parseLayout("interview-headings-without-marks"))).toEqual([
      { front: "什么是死锁？", back: "两个线程互相等待对方释放锁。" },
      {
        front: "ArrayList 与 LinkedList 的区别",
        back: "1. ArrayList：基于数组，随机访问快\n2. LinkedList：基于链表，插入删除快",
      },
      { front: "进程与线程的区别", back: "进程是资源分配的单位，线程是调度的单位。" },
      { front: "为什么要三次握手", back: "为了确认双方的收发能力都正常。" },
      { front: "キャッシュとは", back: "よく使うデータを速い場所に置いておく仕組み。" },
      {
        front: "Difference between a stack and a queue",
        back: "- A stack is last in, first out\n- A queue is first in, first out",
      },
    ]);
  });
});

describe("quoted questions answered by named parts (test/fixtures/layouts/quoted-questions-with-fields.md)", () => {
  it("answers `> What is a closure?` with its `Definition:` / `Example:` / `Why:` bullets, and an empty template with nothing", () => {
    const deck = parseLayout("quoted-questions-with-fields");
    expect(sides(deck)).toEqual([
      {
        front: "What is a closure?",
        back: "- **Definition:** A function that keeps the scope it was made in.\n- **Example:** A counter made by a factory function.\n- **Why:** It gives a function private state.",
      },
    ]);
    expect(deck.warnings.map((warning) => warning.message)).toEqual([
      'Question "What is hoisting?" has no answer; skipped',
    ]);
  });
});

describe("difference questions in other languages (test/fixtures/layouts/difference-questions-other-languages.md)", () => {
  it("answers `Разница между ...` / `Unterschied zwischen ...` with their comparison tables, no row a card, and a Korean prompt with a bracket after it", () => {
    expect(sides(parseLayout("difference-questions-other-languages"))).toEqual([
      { front: "Что такое образ?", back: "Шаблон для контейнера." },
      {
        front: "Разница между контейнером и виртуальной машиной",
        back: "| Контейнер     | Виртуальная машина |\n| ------------- | ------------------ |\n| Общая ОС      | Своя ОС            |\n| Быстрый старт | Медленный старт    |",
      },
      {
        front: "Unterschied zwischen TCP und UDP",
        back: "| TCP                   | UDP            |\n| --------------------- | -------------- |\n| verbindungsorientiert | verbindungslos |",
      },
      {
        front: "ARP 동작 흐름에 대해 설명해주세요. (ARP에 대해 설명해주세요.)",
        back: "IP 주소로 MAC 주소를 찾습니다.",
      },
    ]);
  });
});

describe("question headings over glossaries, tables and rules (test/fixtures/layouts/question-sections.md)", () => {
  const deck = parseLayout("question-sections");
  const card = (line: number, front: string, back: string) => ({ kind: "basic", line, front, back });

  it("titles a section with a question over six definitions, keeps a table after an answer out of it, and ends an answer at `---`", () => {
    expect(placed(deck)).toEqual([
      card(5, "Belief", "a state of mind that takes something to be true."),
      card(7, "Justification", "the reasons that support a belief."),
      card(9, "Truth", "the agreement of a belief with how things are."),
      card(11, "Evidence", "what a reason for a belief rests on."),
      card(13, "Certainty", "the state of having no doubt at all."),
      card(15, "Scepticism", "the view that knowledge is hard or impossible to reach."),
      card(
        17,
        "What is an empire?",
        "An empire is a state that rules other peoples and lands by force or by treaty.",
      ),
      card(23, "Colony", "a territory ruled by a distant state"),
      card(24, "Tribute", "a payment a ruled people makes to its ruler"),
      card(
        26,
        "What is a republic?",
        "A state whose head is chosen by the people rather than born to the office.",
      ),
    ]);
  });

  it("never takes a `---` rule as an answer: a question with only a rule under it warns and makes no card", () => {
    expect(deck.cards.some((card) => /^(?:-{3,}|\*{3,}|_{3,})$/m.test(card.back))).toBe(false);
    expect(deck.warnings).toEqual([
      { line: 36, message: expect.stringContaining("Why did the empire fall?") },
    ]);
  });

  it("makes no card of `# What does this note contain?`, only of the terms the note defines", () => {
    const source = [
      "# What does this note contain?",
      "",
      "Terms from the first two weeks of the politics course.",
      "",
      "## Sovereignty",
      "",
      "Sovereignty is the supreme authority of a state over its own territory.",
    ].join("\n");
    const deck = parseDeck(source, { fileName: "politics.md" });
    expect(sides(deck)).toEqual([
      {
        front: "Sovereignty",
        back: "Sovereignty is the supreme authority of a state over its own territory.",
      },
    ]);
    expect(fronts(deck)).not.toContain("What does this note contain?");
  });
});

describe("answers labelled with a dash or an arrow (test/fixtures/layouts/answer-dash.md)", () => {
  it("takes `Answer - ...`, `Ans -> ...` and `Answer — ...` under a question as its answer, the label dropped", () => {
    expect(sides(parseLayout("answer-dash"))).toEqual([
      { front: "What does DNS translate?", back: "domain names into IP addresses." },
      { front: "Which port does HTTPS use by default?", back: "443" },
      { front: "What does TTL limit in an IP packet?", back: "the number of hops it may take." },
    ]);
  });
});

describe("multiple choice with an answer key (test/fixtures/layouts/answer-keys.md)", () => {
  const cards = sides(parseLayout("answer-keys"));

  it("takes the option an `Answer: b` line names, after the options or as their last bullet, or the one marked ✅", () => {
    expect(cards.slice(0, 4)).toEqual([
      { front: "Which planet has the shortest year?", back: "Mercury" },
      { front: "Which layer of the Sun do we see?", back: "Photosphere" },
      { front: "Who first described planetary orbits as ellipses?", back: "Kepler" },
      { front: "Which planet has the most moons?", back: "Saturn" },
    ]);
  });

  it("reads `Answer: a cell ...` as words, not as the key to option a", () => {
    expect(cards[4]?.front).toBe("What is a light-year?");
    expect(cards[4]?.back).toBe(
      "a) A unit of time\nb) A unit of distance\nAnswer: a cell of the table above, see the note",
    );
  });
});

describe("worked problems (test/fixtures/layouts/worked-problems.md)", () => {
  it("asks `Solve ...`, `Rank these ...`, `Find the ...`, `Simplify ...` with the problem's own colon or `=` kept in the front", () => {
    expect(sides(parseLayout("worked-problems"))).toEqual([
      { front: "Solve for x: 2x + 3 = 11", back: "x = 4" },
      { front: "Rank these by size: 2^10, 10^3, 3^6", back: "2^10 > 10^3 > 3^6" },
      { front: "Find the slope of y = 3x - 7", back: "3" },
      { front: "Simplify (x^2 - 1) / (x - 1)", back: "x + 1" },
    ]);
  });
});

describe("answers set apart in a quote, questions labelled by where they come from (test/fixtures/layouts/quoted-answers.md)", () => {
  it("takes a quoted answer without its `>`, and drops `Practice Q:` / `Review question 2:` from the front", () => {
    expect(sides(parseLayout("quoted-answers"))).toEqual([
      {
        front: "Why does a straw look bent in water?",
        back: "Light bends as it passes from water into air.",
      },
      { front: "What is the focal length of a flat mirror?", back: "infinite" },
      { front: "Which colour of light bends most in a prism?", back: "violet" },
    ]);
  });
});

describe("question and answer labels in other languages (test/fixtures/layouts/labelled-questions-other-languages.md)", () => {
  it("pairs `P:`/`R:`, `Frage:`/`Antwort:`, `Q :`/`R :`, `问：`/`答：` and full-width `Q：`/`A：`, labels dropped", () => {
    expect(sides(parseLayout("labelled-questions-other-languages"))).toEqual([
      { front: "¿Quién pintó Las meninas?", back: "Diego Velázquez." },
      { front: "Wie heißt die Hauptstadt der Schweiz?", back: "Bern." },
      { front: "Qui a écrit Les Misérables ?", back: "Victor Hugo." },
      { front: "长城有多长？", back: "两万多公里。" },
      { front: "What does DNA stand for?", back: "Deoxyribonucleic acid." },
    ]);
  });
});

describe("question and answer labels in more languages (test/fixtures/layouts/labelled-questions-more-languages.md)", () => {
  it("pairs `Вопрос 1.`/`Ответ:`, `문제:`/`정답:` and `Vraag:`/`Antwoord:`, labels dropped", () => {
    expect(sides(parseLayout("labelled-questions-more-languages"))).toEqual([
      { front: "Что измеряет ВВП?", back: "Рыночную стоимость всех конечных товаров и услуг страны за год." },
      { front: "대한민국의 수도는?", back: "서울" },
      { front: "Wat is de hoofdstad van Nederland?", back: "Amsterdam." },
    ]);
  });
});

describe("a case brief (test/fixtures/layouts/case-brief.md)", () => {
  it("asks the `**Issue:**` with the `**Holding:**` as its answer, labels dropped; Facts, Reasoning and `Next:` are no terms", () => {
    expect(sides(parseLayout("case-brief"))).toEqual([
      {
        front: "Does a duty of care extend to a plaintiff outside the zone of foreseeable danger?",
        back: "No. The railroad owed Palsgraf no duty.",
      },
      {
        front: "Proximate cause",
        back: "the legal cause that the law holds responsible for a harm",
      },
    ]);
  });
});

describe("follow-up questions (test/fixtures/layouts/follow-up-questions.md)", () => {
  it("asks a nested `Follow-up:` question on its own card, label dropped, and keeps it out of the parent's answer", () => {
    expect(sides(parseLayout("follow-up-questions"))).toEqual([
      { front: "What does a load balancer do?", back: "Spreads incoming requests over several servers." },
      { front: "What happens when one server dies?", back: "Health checks take it out of the pool." },
      { front: "What is DNS caching?", back: "Keeping answers to DNS lookups for their TTL." },
    ]);
  });
});

describe("a paragraph of question-and-answer lines (test/fixtures/layouts/question-lines.md)", () => {
  it("makes one card per `Question? → answer` line of one paragraph, not one card of them all", () => {
    expect(sides(parseLayout("question-lines"))).toEqual([
      { front: "What reverses heparin?", back: "protamine sulfate" },
      { front: "What reverses warfarin?", back: "vitamin K" },
      { front: "What reverses opioids?", back: "naloxone" },
    ]);
  });
});

describe("problems with solutions (test/fixtures/layouts/problem-solutions.md)", () => {
  it("answers a problem with the `Solution:` after it, label dropped, and keeps `**Solution:**` a term in a glossary", () => {
    expect(sides(parseLayout("problem-solutions"))).toEqual([
      {
        front: "A stone is thrown straight up at 15 m/s. How high does it rise?",
        back: "At the top v = 0, so h = v²/2g ≈ 11.5 m.",
      },
      { front: "Find the period of a 2 m pendulum.", back: "T = 2π√(L/g) ≈ 2.8 s." },
      { front: "What is the kinetic energy of a 4 kg cart at 3 m/s?", back: "½mv² = 18 J." },
      { front: "Solution", back: "a homogeneous mixture of two or more substances." },
      { front: "Solvent", back: "the substance present in the largest amount." },
    ]);
  });
});

describe("questions answered by a list (test/fixtures/layouts/questions-over-lists.md)", () => {
  it("answers a question with the terms listed under it, which stay cards; steps naming the same side twice are no terms", () => {
    expect(sides(parseLayout("questions-over-lists"))).toEqual([
      {
        front: "What's the difference between mitosis and meiosis?",
        back: "- mitosis: one division, two identical diploid cells\n- meiosis: two divisions, four haploid gametes",
      },
      { front: "mitosis", back: "one division, two identical diploid cells" },
      { front: "meiosis", back: "two divisions, four haploid gametes" },
      {
        front: "How does a signal cross a chemical synapse?",
        back: "In four steps:\n\n1. axon terminal → cleft: vesicles release neurotransmitter\n2. cleft → receptor: the transmitter binds\n3. axon terminal → cleft: the rest is taken back up",
      },
    ]);
  });
});

describe("question marks inside a line (test/fixtures/layouts/question-marks-inside.md)", () => {
  it("keeps a bold term whose definition asks, and answers a `Q:` line after its question mark", () => {
    expect(sides(parseLayout("question-marks-inside"))).toEqual([
      {
        front: "Offer",
        back: "would a reasonable person think a deal was proposed? then it binds once accepted",
      },
      { front: "Acceptance", back: "a mirror image of the offer" },
      { front: "What is consideration?", back: "Something of value given in exchange." },
    ]);
  });
});

describe("multiple choice with the right option in bold or italics (test/fixtures/layouts/styled-choices.md)", () => {
  it("answers with the styled option alone", () => {
    expect(sides(parseLayout("styled-choices"))).toEqual([
      { front: "Which unit measures force?", back: "newton" },
      { front: "Which colour has the longest wavelength?", back: "red" },
    ]);
  });
});

describe("prompts that start `Tell me how` (test/fixtures/layouts/tell-me-prompts.md)", () => {
  it("asks the bold prompt with the line under it as the answer", () => {
    expect(sides(parseLayout("tell-me-prompts"))).toEqual([
      {
        front: "Tell me how you would check the tyres are safe.",
        back: "At least 1.6 mm of tread, no cuts or bulges.",
      },
      {
        front: "Walk me through switching on the fog lights.",
        back: "Use the switch on the stalk, and turn them off when visibility improves.",
      },
    ]);
  });
});

describe("options ticked without letters, or several ticked (test/fixtures/layouts/ticked-options.md)", () => {
  it("answers with the ticked options, and leaves a ticked checklist alone", () => {
    expect(sides(parseLayout("ticked-options"))).toEqual([
      { front: "Which of these elements are halogens? (select all that apply)", back: "Chlorine\nIodine" },
      { front: "Which gas makes up most of the air?", back: "Nitrogen" },
      { front: "Which are alkali metals?", back: "Potassium\nLithium" },
    ]);
  });
});

describe("`Q1.` questions answered on the next line (test/fixtures/layouts/labelled-questions-answered-below.md)", () => {
  it("takes the line under the question as its answer, not as more of the question", () => {
    expect(sides(parseLayout("labelled-questions-answered-below"))).toEqual([
      { front: "What does `defer` do?", back: "Runs a call when the surrounding function returns." },
      {
        front: "What is a goroutine?",
        back: "A function running concurrently, scheduled by the Go runtime.",
      },
    ]);
  });
});

describe("answer marks of quizzes written as checkboxes, arrows and lists (test/fixtures/layouts/quiz-answer-forms.md)", () => {
  it("answers with the ticked, arrowed or bold option, and makes no card of the options or the to-do list", () => {
    expect(sides(parseLayout("quiz-answer-forms"))).toEqual([
      { front: "Which device forwards frames by MAC address?", back: "switch" },
      { front: "Which protocol hands out IP addresses?", back: "`dhcp`" },
      { front: "Which port does SSH listen on?", back: "22" },
      { front: "What does TTL stop?", back: "packets looping forever" },
    ]);
  });
});

describe("an exam paper's prompts with their marks and mark scheme (test/fixtures/layouts/exam-paper.md)", () => {
  it("reads `Define osmosis (2 marks)` over its answer, and a `Mark scheme:` quote as the answer", () => {
    expect(sides(parseLayout("exam-paper"))).toEqual([
      { front: "State the function of the nucleus. (1 mark)", back: "controls the cell's activities" },
      { front: "Define osmosis (2 marks)", back: "Diffusion of water across a partially permeable membrane" },
      {
        front: "What does the cell wall do? (1 mark)",
        back: "**Mark scheme:** supports the cell and stops it bursting.",
      },
      { front: "Nucleolus", back: "makes the ribosomes" },
      { front: "Vacuole", back: "holds the cell sap" },
    ]);
  });
});

describe("a question heading followed by cards of its own (test/fixtures/layouts/question-heading-then-cards.md)", () => {
  it("ends the heading's answer before a `Q:` pair, a bold question or a `<details>` question, not before more of its answer", () => {
    expect(sides(parseLayout("question-heading-then-cards"))).toEqual([
      {
        front: "Which queues does the event loop have?",
        back: "- macrotask queue: setTimeout, setInterval, I/O\n- microtask queue: Promise callbacks, queueMicrotask",
      },
      { front: "What does `typeof null` return?", back: '"object", a bug kept for compatibility.' },
      { front: "What is hoisting?", back: "Declarations are moved to the top of their scope." },
      {
        front: "What is a closure?",
        back: "A function together with the variables of the scope it was made in.",
      },
      { front: "What is currying?", back: "Turning f(a, b) into f(a)(b)." },
      {
        front: "How do TCP and UDP differ?",
        back: "- TCP: ordered, reliable delivery over a connection\n\nUDP: no connection, no guarantee of order or delivery",
      },
    ]);
  });
});

describe("questions numbered `1-` as lines of one paragraph (test/fixtures/layouts/numbered-dash-questions.md)", () => {
  it("makes a card of each numbered question with the lines under it, on its own line, and none of unanswered ones", () => {
    expect(placed(parseLayout("numbered-dash-questions"))).toEqual([
      {
        kind: "basic",
        line: 3,
        front: "What is the GIL?",
        back: "a mutex that lets one thread run bytecode at a time",
      },
      {
        kind: "basic",
        line: 5,
        front: "What is a generator",
        back: "a function that yields its values one at a time",
      },
      {
        kind: "basic",
        line: 7,
        front: "What does `pass` do?",
        back: "nothing; it holds a place where a statement must be",
      },
    ]);
  });
});

describe("questions that are links (test/fixtures/layouts/linked-questions.md)", () => {
  it("asks a linked question with its answer nested under it, not a table of contents of links under links", () => {
    expect(sides(parseLayout("linked-questions"))).toEqual([
      { front: "Explain what origin is", back: "the name git gives the remote you cloned from" },
      { front: "What is a commit?", back: "a snapshot of the repository" },
    ]);
  });
});

describe("an answer key under a numbered question's list (test/fixtures/layouts/answer-key-below-list.md)", () => {
  it("answers `1. Which ...?` over its options with the option `Answer: B`, `Gabarito: letra B` or `Antwoord: a` names", () => {
    expect(sides(parseLayout("answer-key-below-list"))).toEqual([
      { front: "Which organelle makes most of the cell's ATP?", back: "Mitochondrion" },
      { front: "Qual estrutura está presente em todas as células?", back: "Ribossomo" },
      { front: "Welk orgaan maakt insuline?", back: "Pancreas" },
    ]);
  });
});

describe("past paper questions (test/fixtures/layouts/past-paper-prompts.md)", () => {
  it("drops a `2022 Q1(a)` reference from the front and asks a `Show that ...` prompt", () => {
    expect(sides(parseLayout("past-paper-prompts"))).toEqual([
      { front: "What problem does the boost solve? [3 marks]", back: "Starvation of long-running jobs." },
      {
        front: "Explain why STCF needs preemption. [4 marks]",
        back: "STCF re-decides whenever a new job arrives.",
      },
      {
        front: "Show that eigenvectors for distinct eigenvalues are independent.",
        back: "Suppose not; take a minimal dependent set and apply A.",
      },
    ]);
  });
});

describe("true-or-false statements (test/fixtures/layouts/true-or-false.md)", () => {
  it("asks the statement after `True or False:` with the verdict on the line below as its answer", () => {
    expect(sides(parseLayout("true-or-false"))).toEqual([
      {
        front: "You may overtake on a pedestrian crossing.",
        back: "**False** — never, even if it is clear.",
      },
      {
        front: "Fog lights must be switched off when visibility improves.",
        back: "**True** — they dazzle other drivers.",
      },
    ]);
  });
});

describe("a numbered question typed right under the answer above (test/fixtures/layouts/numbered-question-under-answer.md)", () => {
  it("reads `2. What is ...?` under an answer line as the next question, at its own line, and leaves a wrapped line opening with a number in its paragraph", () => {
    const deck = parseLayout("numbered-question-under-answer");
    expect(sides(deck)).toEqual([
      { front: "What is a primary key?", back: "A column whose value identifies each row." },
      { front: "What is a foreign key?", back: "A column that refers to the primary key of another table." },
      { front: "What is an index?", back: "A structure that finds rows without reading the whole table." },
    ]);
    expect(deck.cards.map((card) => card.line)).toEqual([3, 6, 9]);
  });
});

describe("review questions ticked off in a task list (test/fixtures/layouts/ticked-questions.md)", () => {
  it("asks a ticked task item's question when its answer is under it, and leaves open items and unanswered questions alone", () => {
    expect(placed(parseLayout("ticked-questions"))).toEqual([
      {
        kind: "basic",
        line: 3,
        front: "What does a promise stand for?",
        back: "The result of an operation that has not finished yet.",
      },
      {
        kind: "basic",
        line: 7,
        front: "What does `await` wait for?",
        back: "A promise to settle, fulfilled or rejected.",
      },
      {
        kind: "basic",
        line: 11,
        front: "Why do timers drift?",
        back: "The event loop runs them only when the stack is empty.",
      },
    ]);
  });
});

describe("an exam paper typed with `#Question 1` / `##a)` (test/fixtures/layouts/exam-paper-lettered.md)", () => {
  it("reads `##a)` on a line under `#Question 1` as a heading, drops the letter, and asks nothing of an unanswered part", () => {
    expect(placed(parseLayout("exam-paper-lettered"))).toEqual([
      {
        kind: "basic",
        line: 4,
        front: "What does a switch learn from each frame it forwards? (**3 marks**)",
        back: "The source MAC address and the port it came in on.",
      },
      {
        kind: "basic",
        line: 7,
        front: "Name two fields of an IPv4 header. [2 marks]",
        back: "Time to live and the protocol number.",
      },
      {
        kind: "basic",
        line: 13,
        front: "What is the job of ARP? (4 pts)",
        back: "It finds the MAC address that goes with an IPv4 address on the local network.",
      },
    ]);
  });
});

describe("quiz questions keyed in a toggle (test/fixtures/layouts/quiz-answers-in-toggles.md)", () => {
  it("answers a question over options with the option its toggle's key names, the code it asks about on the front", () => {
    expect(placed(parseLayout("quiz-answers-in-toggles"))).toEqual([
      {
        kind: "basic",
        line: 3,
        front: "What does this print?\n\n```python\nprint(len({1, 1, 2}))\n```",
        back: "`2`",
      },
      { kind: "basic", line: 25, front: "Which keyword defines a generator?", back: "`yield`" },
    ]);
  });

  it("keeps the sections of headings in a toggle that give no key (slides hidden in a toggle)", () => {
    const deck = parseDeck(
      [
        "# Sorting",
        "",
        "<details><summary>Slides</summary>",
        "",
        "## Merge sort",
        "",
        "Merge sort splits the list in halves and merges them back in order.",
        "",
        "## Quicksort",
        "",
        "Quicksort partitions the list around a pivot.",
        "",
        "## Heapsort",
        "",
        "Heapsort builds a heap and takes the largest out each time.",
        "",
        "</details>",
      ].join("\n"),
    );
    expect(deck.cards.map((card) => card.front)).toEqual(["Merge sort", "Quicksort", "Heapsort"]);
  });

  it("reads a key heading in another language (`#### 答案：B`) as the key", () => {
    const deck = parseDeck(
      "## 1. 哪一层负责路由？\n\n- A: 传输层\n- B: 网络层\n\n<details><summary>答案</summary>\n\n#### 答案：B\n\n网络层负责路由。\n\n</details>\n",
    );
    expect(deck.cards.map(({ front, back }) => ({ front, back }))).toEqual([
      { front: "哪一层负责路由？", back: "网络层" },
    ]);
  });

  it("keeps the headings after a toggle that is never closed", () => {
    const deck = parseDeck(
      "## What is a tuple?\n\n<details><summary>Answer</summary>\n\nAn immutable sequence.\n\n## What is a list?\n\nA mutable sequence.\n",
    );
    expect(deck.cards.map((card) => card.front)).toContain("What is a list?");
  });
});

describe("a series of questions answered in several paragraphs (test/fixtures/layouts/question-series-paragraphs.md)", () => {
  it("answers each question (`**1. ...?**`, `1. ...?`) with the paragraphs up to the next question, not an aside, not past the last", () => {
    expect(sides(parseLayout("question-series-paragraphs"))).toEqual([
      {
        front: "What is a process?",
        back: "A process is a program in execution.\n\nIt owns an address space, open files and at least one thread.",
      },
      // `I always mix this up ...` is the writer's aside: the run ends before the next question.
      { front: "What is a thread?", back: "The unit the scheduler runs." },
      // The last of the series: what follows it may be the note going on to something else.
      { front: "What is a context switch?", back: "Saving one task's registers and loading another's." },
      {
        front: "What is a closure?",
        back: "A function that keeps the scope it was made in.\n\nEach call of the outer function makes a new one.",
      },
      // Not past the series' next item, `3. Understand ...`, which asks nothing.
      { front: "Explain hoisting", back: "Declarations move to the top of their scope." },
    ]);
  });

  it("keeps to the next paragraph where the question stands alone, or an `Answer:` line starts the next", () => {
    const alone = "# Notes\n\n**What is a process?**\n\nA program in execution.\n\nToday's lecture ran late.";
    expect(sides(parseDeck(alone))).toEqual([
      { front: "What is a process?", back: "A program in execution." },
    ]);
    const labelled = [
      "**What is a process?**",
      "",
      "A program in execution.",
      "",
      "**What is a thread?**",
      "",
      "Answer:",
      "",
      "The unit the scheduler runs.",
    ].join("\n");
    expect(sides(parseDeck(labelled))).toEqual([
      { front: "What is a process?", back: "A program in execution." },
      { front: "What is a thread?", back: "The unit the scheduler runs." },
    ]);
  });
});

describe("a quiz whose right options are ticked checkboxes (test/fixtures/layouts/ticked-checkbox-quiz.md)", () => {
  it("answers a question heading with its ticked options, escaped boxes too, and leaves the author's checklist alone", () => {
    expect(sides(parseLayout("ticked-checkbox-quiz"))).toEqual([
      { front: "Which statement reports a company's profit?", back: "income statement" },
      {
        front: "What does this formula compute?\n\n```\ncurrent assets - current liabilities\n```",
        back: "working capital",
      },
      { front: "Which of these are assets?", back: "inventory\ncash" },
      {
        front: "D4. I ratei sono attività o passività? Che cos'è un rateo passivo?",
        back: "un costo maturato non ancora pagato",
      },
      { front: "What do I still need to revise?", back: "- [x] depreciation\n- [ ] accruals" },
      // Not numbered as a quiz's questions are: a record of progress.
      { front: "Which topics are covered in week 3?", back: "- [x] sorting\n- [ ] graphs" },
    ]);
  });
});

describe("a quiz that restates the right option in bold under the options (test/fixtures/layouts/bold-restated-answer.md)", () => {
  it("answers with the option restated (typos and all), one a line where two are right; not a bold label", () => {
    expect(sides(parseLayout("bold-restated-answer"))).toEqual([
      { front: "Which pillar covers recovering from a failure?", back: "Reliability" },
      {
        front: "Which TWO are benefits of the cloud?",
        back: "No need to guess capacity\nTrade capital expence for variable expense",
      },
      {
        front: "Which services store objects?",
        back: "- S3\n- EBS\n\n**Notes:** S3 stores objects, EBS stores blocks.",
      },
      // One state in bold opening a sentence answers no question asking for three.
      {
        front: "What are the three states of matter?",
        back: "- Solid\n- Liquid\n- Gas\n\n**Gas** has no fixed shape or volume.",
      },
    ]);
  });
});

describe("exam prompts in other languages (test/fixtures/layouts/exam-prompts-other-languages.md)", () => {
  it("asks `Nenne ...`, `Erläutern Sie ...`, `Expliquez ...`, `Describa ...` as `Explain ...` is asked, and not a title", () => {
    expect(sides(parseLayout("exam-prompts-other-languages"))).toEqual([
      { front: "Nenne zwei Rechtsformen.", back: "GmbH und AG." },
      {
        front: "Erläutern Sie den Begriff Kapital.",
        back: "Die Mittel, die einem Unternehmen zur Verfügung stehen.",
      },
      { front: "Expliquez le rôle de la banque centrale.", back: "Elle fixe les taux directeurs." },
      { front: "Describa la inflación.", back: "Una subida general de los precios." },
    ]);
  });
});
