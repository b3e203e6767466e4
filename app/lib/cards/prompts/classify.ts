/**
 * Decides what each prompt in the outline is, from its own form (read.ts) and from its siblings.
 * A strong reading stands on its own. A weak one (`Term: definition` without bold, `term -> meaning`,
 * `Yo is I.`, a term alone over its definition, a numbered heading, a heading over a short paragraph)
 * counts only where the prompts around it are read the same way: at least two, and at least half of
 * the siblings that hold anything (three in five for sentences). Siblings are:
 * - for headings, the other headings of the same section;
 * - for paragraphs and list items, every paragraph and item of the same section, nested items
 *   included (a glossary mixes `Term - def` paragraphs with `- Term - def` bullets under them), and
 *   each line of a paragraph written one term per line; a callout or quote is a section of its own.
 */
import { isLinkOrImageOnly, plainText, text, trimPhrasing, type Phrasing } from "../phrasing";
import type { Block, CalloutBlock, Item, ListBlock, ParagraphBlock, Section } from "../outline/types";
import { isAsideTitle } from "./section-labels";
import { opensWithAnswerLabel, opensWithSolution } from "./qa-pairs";
import { spellsOut } from "./acronyms";
import { answerKey, asksAboutAuthor, choicePrompt } from "./choices";
import { isQuestionText } from "./questions";
import { isFieldList } from "./fields";
import { explainingColumn } from "./term-tables";
import { readLead, type LeadReading, type ReadOptions } from "./read";
import { isDecoration, isFormula, isTaskList, opensAsFragment, opensAsNounPhrase } from "./headings";
import { readCallout, readHeading } from "./read-heading";
import { backed, NOTE_WIDE_SUPPORT, supports } from "./consensus";
import { familyOf, type Prompt } from "./types";

export interface Decisions {
  /** Accepted prompts: one for a heading, item or callout; one or more for a paragraph. */
  prompts: Map<Section | ParagraphBlock | Item | CalloutBlock, Prompt[]>;
  /** Paragraphs written in a flashcard tool's own syntax. */
  explicit: Set<ParagraphBlock>;
  /** Headings that name a part of the note (`References`, `Week 3`). */
  labels: Set<Section>;
  /** Questions about the learner: neither cards nor prose facts. */
  reflective: Set<Section | ParagraphBlock | Item>;
}

interface Vote {
  site: ParagraphBlock | Item;
  reading: LeadReading;
  /** Something sits under the lead that could define it (nested blocks, more lines, the next block). */
  hasBody: boolean;
  /** The list the item belongs to: its items are siblings in the narrowest sense. */
  list?: ListBlock;
  /** The item's list stands right under a one-line prompt (`**Danton**` / `- Minister of Justice`). */
  underPrompt?: boolean;
}

/** Whether a paragraph reads as one prompt still waiting for its answer in the block after it. */
function awaitsNextBlock(reading: LeadReading, paragraph: ParagraphBlock): boolean {
  return (
    paragraph.lines.length === 1 &&
    reading.kind === "prompts" &&
    reading.prompts.length === 1 &&
    reading.prompts[0]!.answer.length === 0
  );
}

/**
 * Lines of a list of options (`- a) ...`), a ticked checkbox (`- [x] show ip route`) marked as the
 * right option; undefined unless every item is one line.
 */
function listOptions(list: ListBlock): Phrasing[] | undefined {
  const lines = list.items.map((option) => {
    const line = option.lead && option.blocks.length === 0 ? option.lead.lines[0] : undefined;
    return line && option.checked ? [...line, text(" ✅")] : line;
  });
  return lines.every((line): line is Phrasing => line !== undefined) ? lines : undefined;
}

/** Lines of an item's nested options, for a multiple-choice question written as a list. */
function optionLines(item: Item): Phrasing[] | undefined {
  const list = item.blocks[0];
  return item.blocks.length === 1 && list?.kind === "list" ? listOptions(list) : undefined;
}

/**
 * The list after a question, as its options: `- A) ...` / `- **B) ...**`, or checkboxes one of
 * which is ticked (`- [ ] show vlan` / `- [x] show ip route`; all or none ticked is a to-do list).
 * Whether they are options with one marked is for choices.ts to say.
 */
function optionsBelow(block: Block | undefined, stem: Phrasing | undefined): Phrasing[] | undefined {
  if (block?.kind !== "list" || block.items.length < 2) return undefined;
  if (!isTaskList(block))
    return block.items.some((item) => item.checked !== null) ? undefined : listOptions(block);
  // A checklist under `What do I need to finish?` records progress: options need a question about
  // the subject, and one box ticked.
  const asked = plainText(stem ?? []).trim();
  if (!isQuestionText(asked) || asksAboutAuthor(asked)) return undefined;
  return block.items.filter((item) => item.checked).length === 1 ? listOptions(block) : undefined;
}

/** A choice read off the list below the prompt: marked so that the list goes with it. */
function choiceAbove(reading: LeadReading): LeadReading {
  if (reading.kind !== "prompts" || reading.prompts[0]?.form !== "choice") return reading;
  return { ...reading, prompts: reading.prompts.map((prompt) => ({ ...prompt, optionsBelow: true })) };
}

/** An item's reading with its nested options, or else with the options of the list after it. */
function nestedOrBelow(
  item: Item,
  next: Block | undefined,
  read: (options: Phrasing[] | undefined) => LeadReading,
): LeadReading {
  const nested = optionLines(item);
  const below = nested ? undefined : optionsBelow(next, item.lead?.node.children);
  const reading = read(nested ?? below);
  return below ? choiceAbove(reading) : reading;
}

/** Whether blocks hold anything (a nested list of empty items, left by dropped references, does not). */
/** A reading of nothing but sentences with their translations (`Tengo hambre. = I'm hungry.`). */
function translatesSentence(reading: LeadReading): boolean {
  return (
    reading.kind === "prompts" &&
    reading.prompts.every(
      (prompt) =>
        prompt.role === "term" &&
        prompt.form === "separator" &&
        /[.!?。！？]$/.test(plainText(prompt.front).trim()),
    )
  );
}

function holdsContent(blocks: Block[]): boolean {
  return blocks.some((block) => {
    if (block.kind === "list")
      return block.items.some((item) => item.lead !== undefined || holdsContent(item.blocks));
    if (block.kind === "paragraph") return trimPhrasing(block.node.children).length > 0;
    return true;
  });
}

/**
 * `Answer:` (or `A:`, `Solution:`) opening the next block says the paragraph before it asks: its
 * prompt is sure.
 */
function answeredBelow(reading: LeadReading, next: Block | undefined): LeadReading {
  if (reading.kind !== "prompts" || next?.kind !== "paragraph") return reading;
  if (!opensWithAnswerLabel(next.node.children)) return reading;
  const prompts = reading.prompts.map((prompt) =>
    prompt.role === "question" && prompt.answer.length === 0
      ? { ...prompt, strength: "strong" as const }
      : prompt,
  );
  return { ...reading, prompts };
}

/** A short body: one block of notes, or two (`Runs side effects ...` and a bullet on it). */
function briefBody(section: Section): boolean {
  const body = section.blocks.filter((block) => !isDecoration(block));
  const first = body[0];
  const words = first?.kind === "paragraph" ? plainText(first.node.children).split(/\s+/).length : 0;
  return body.length <= 2 && words <= 40;
}

/**
 * A body written as notes on its heading (`## Meiosis` / `- produces four haploid gametes`): bullets,
 * or a paragraph that opens as a fragment (lower case, or a gerund). Two such headings are a glossary;
 * two over capitalised prose (`A vegetable stew has ...`) may as well be examples.
 */
/**
 * A body that states something of its own (`A cryptosystem should be secure ...` under
 * `## Kerckhoffs's principle`), not the writer's diary or pointers (`Today we ...`, `See ...`).
 */
function opensAsStatement(section: Section): boolean {
  const first = section.blocks.find((block) => !isDecoration(block));
  if (first?.kind !== "paragraph") return false;
  const text = plainText(first.node.children).trim();
  return (
    /^\p{Lu}/u.test(text) &&
    !/^(?:this|these|that|those|today|yesterday|tomorrow|here|there|see|note|last|next|in this|it)\b/i.test(
      text,
    ) &&
    // The writer speaking (`... what we used for the lab`): a remark, not a definition.
    !/\b(?:i|we|my|our|us|me|you|your)\b/i.test(text.split(/(?<=[.!?])\s/)[0] ?? text)
  );
}

/** `Splitting a dataset horizontally ...`: notes on what the heading names (not `went to the gym`). */
function opensWithGerund(section: Section): boolean {
  const first = section.blocks.find((block) => !isDecoration(block));
  return (
    first?.kind === "paragraph" && /^\p{Lu}\p{Ll}{2,}ing\s+\p{L}/u.test(plainText(first.node.children).trim())
  );
}

/** Headings that name a time in a plan or diary: days, parts of the day, weeks, sessions. */
const TIME_OF_PLAN =
  /^(?:morning|afternoon|evening|night|today|tomorrow|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|(?:day|week|session|lecture|lesson|class|seminar)\s*\d+)\b/i;

function notesUnder(section: Section): boolean {
  const first = section.blocks.find((block) => !isDecoration(block));
  if (first?.kind === "list") return !isTaskList(first);
  const text = first?.kind === "paragraph" ? plainText(first.node.children).trim() : "";
  // `## Morning` / `A walk along the cliffs ...`: a day's plan, whatever its sentences look like.
  return (
    opensAsFragment(text) || (opensAsNounPhrase(text) && !TIME_OF_PLAN.test(plainText(section.title).trim()))
  );
}

/**
 * `## A` / `## B` / `## D`: a glossary's alphabet, three or more letter headings in order, dividing
 * the words it defines; no terms (`## C` / `## R` / `## D` naming languages are out of order).
 */
function alphabetDividers(sections: Section[]): Set<Section> {
  const letters = sections.filter((section) => /^[A-Za-z]$/.test(plainText(section.title).trim()));
  const codes = letters.map((section) => plainText(section.title).trim().toUpperCase().charCodeAt(0));
  const ordered = codes.every((code, at) => at === 0 || code > codes[at - 1]!);
  return new Set(letters.length >= 3 && ordered ? letters : []);
}

/**
 * One term over a field list (`**Metoprolol**` / `- Class: ...`) or a display formula (`**Hooke's
 * law**` / `$$F = -kx$$`): sure of itself, what is below its answer.
 */
function overFields(reading: LeadReading, below: Block | undefined): LeadReading {
  if (reading.kind !== "prompts" || reading.prompts.length !== 1) return reading;
  const prompt = reading.prompts[0]!;
  if (prompt.role !== "term" || prompt.answer.length > 0) return reading;
  if (!isFormula(below) && !isFieldList(below) && !spellsOut(leadLines(below), prompt.front)) return reading;
  return { ...reading, prompts: [{ ...prompt, strength: "strong" }] };
}

/** The first lines of a list's items, or a paragraph's lines. */
function leadLines(block: Block | undefined): Phrasing[] {
  if (block?.kind === "list") return block.items.map((item) => item.lead?.lines[0] ?? []);
  return block?.kind === "paragraph" ? block.lines : [];
}

/** Options whose key is the paragraph after them (`a) ...` / `b) ...`, then `Answer: b`). */
function keyedBelow(reading: LeadReading, paragraph: ParagraphBlock, next: Block | undefined): LeadReading {
  const keyLine = next?.kind === "paragraph" ? next.lines[0] : undefined;
  if (reading.kind === "explicit" || !answerKey(keyLine)) return reading;
  const choice = choicePrompt(paragraph.lines, undefined, keyLine);
  return choice && choice !== "unanswered" ? { kind: "prompts", prompts: [choice], byLine: false } : reading;
}

/**
 * A task item read as a card: explicit card syntax, or a question with its answer under it (`- [x]
 * What is a promise?` over a paragraph: a review question ticked off); other task items are to-dos.
 */
function asksAsTask(item: Item, hasBody: boolean, options: ReadOptions): boolean {
  const reading = readLead(item.lead!, hasBody, options);
  return (
    reading.kind === "explicit" ||
    // Ticked: an open one (`- [ ] What is due on Friday?` / `  - the essay`) is a to-do.
    (item.checked === true &&
      hasBody &&
      reading.kind === "prompts" &&
      reading.prompts.length === 1 &&
      reading.prompts[0]!.role === "question" &&
      /[?？]$/.test(plainText(reading.prompts[0]!.front).trim()))
  );
}

/** Blocks that can answer a prompt standing just before them: not one that is a prompt itself. */
function answersFollow(next: Block | undefined, options: ReadOptions): boolean {
  if (next?.kind === "paragraph") return readLead(next, false, options).kind === "none";
  return next !== undefined && ["list", "quote", "other"].includes(next.kind);
}

class Classifier {
  readonly decisions: Decisions = {
    prompts: new Map(),
    explicit: new Set(),
    labels: new Set(),
    reflective: new Set(),
  };

  constructor(private readonly options: ReadOptions) {}

  /** The pools of paragraphs and items, each section's own; gathered before any is decided. */
  private readonly pools: Vote[][] = [];

  /** Every pool of the note, then its headings (which depend on what their blocks make). */
  run(root: Section): void {
    this.gather(root);
    const all = this.pools.flatMap((votes) =>
      votes.flatMap(({ reading }) => (reading.kind === "prompts" ? reading.prompts : [])),
    );
    for (const votes of this.pools)
      this.decide(votes, this.labelled.has(votes) ? [] : all, this.asides.has(votes));
    this.section(root);
  }

  /** Pools under a label heading (`## Legend`, `## References`) are not backed by the rest of the note. */
  private readonly labelled = new Set<Vote[]>();
  /** Pools under a heading that names no study material (`## Action items`, `## Ingredients`). */
  private readonly asides = new Set<Vote[]>();

  private gather(section: Section): void {
    const votes = this.pool(section.blocks, section.title);
    if (readHeading(section, () => false).kind === "label") this.labelled.add(votes);
    if (isAsideTitle(plainText(section.title))) this.asides.add(votes);
    for (const child of section.sections) this.gather(child);
  }

  /** A section's sub-sections first, then its sub-headings. */
  private section(section: Section): void {
    for (const child of section.sections) this.section(child);
    this.headings(section.sections, section);
  }

  /** Whether a section holds cards of its own or sub-sections: then its heading only names it. */
  private holdsCards(section: Section): boolean {
    return section.sections.length > 0 || section.blocks.some(this.makesCards);
  }

  /** Whether a block already makes cards of its own (decided before the headings above it). */
  private readonly makesCards = (block: Block): boolean => {
    switch (block.kind) {
      case "paragraph":
        return this.decisions.prompts.has(block) || this.decisions.explicit.has(block);
      case "list":
        return block.items.some(
          (item) => this.decisions.prompts.has(item) || item.blocks.some(this.makesCards),
        );
      case "callout":
        return this.decisions.prompts.has(block);
      default:
        return false;
    }
  };

  /**
   * A block making cards a list, table or quote holds, or a paragraph holding a strong prompt or
   * several (`Cluster → ...` / `Spread → ...`).
   */
  private readonly makesSureCards = (block: Block): boolean => {
    if (block.kind === "table") return explainingColumn(block.node) !== undefined;
    if (block.kind !== "paragraph") return this.makesCards(block);
    const prompts = this.decisions.prompts.get(block) ?? [];
    return (
      prompts.length >= 2 ||
      prompts.some((prompt) => prompt.strength === "strong") ||
      this.decisions.explicit.has(block)
    );
  };

  /**
   * Sibling headings, decided together. A lone sub-heading under a term heading
   * (`### Proportional share` over `#### Lottery scheduling`) is a sub-term: the parent backs it.
   */
  private headings(sections: Section[], parent: Section): void {
    const dividers = alphabetDividers(sections);
    const readings = sections.map((section) => ({
      section,
      reading: dividers.has(section)
        ? ({ kind: "none" } as const)
        : readHeading(section, this.makesCards, this.makesSureCards),
    }));
    const candidates = sections.filter(
      (section) => section.blocks.length > 0 || section.sections.length > 0,
    ).length;
    const prompts = readings.flatMap(({ reading }) => (reading.kind === "prompt" ? [reading.prompt] : []));
    const fallbacks = readings.flatMap(({ reading }) =>
      reading.kind === "prompt" && familyOf(reading.prompt.form) === "term"
        ? [reading.prompt]
        : reading.kind === "prompt" && reading.fallback
          ? [reading.fallback]
          : [],
    );
    const parentReading = readHeading(parent, this.makesCards, this.makesSureCards);
    const underTerm =
      sections.length === 1 &&
      !parent.isDeckTitle &&
      parentReading.kind === "prompt" &&
      parentReading.prompt.role === "term" &&
      parentReading.prompt.strength === "strong";
    const strongTerms =
      fallbacks.filter((prompt) => prompt.strength === "strong").length + (underTerm ? 1 : 0);
    const labelled = new Set(
      readings.filter(({ reading }) => reading.kind === "label").map(({ section }) => section),
    );
    const labels = labelled.size;
    // Questions that ask in so many words (`## Is Go case sensitive?`, `## Why use Docker`) beside
    // the terms: a study sheet of terms and questions, whose terms are cards as in a vocabulary section.
    const asked = new Set(
      readings
        .filter(
          ({ reading }) =>
            reading.kind === "prompt" &&
            !reading.fallback &&
            (reading.prompt.form === "asks" || reading.prompt.form === "unmarked") &&
            reading.prompt.strength === "strong",
        )
        .map(({ section }) => section),
    );
    // Every heading that holds anything (labels and such questions aside) names a term: a vocabulary
    // section. Among three or more, one in four may be something else (a sentence typed as a heading).
    // `## Trigeminal Nerve` over `- Sensory: Face` among headings over bare notes: a heading over
    // cards of its own names their section, and is no vote against the term headings around it
    // where they are three or more and twice as many.
    const holders = readings.filter(
      ({ section, reading }) =>
        reading.kind === "none" && section.blocks.length > 0 && this.holdsCards(section),
    ).length;
    const outnumbered = fallbacks.length >= 3 && holders * 2 <= fallbacks.length;
    const others = candidates - labels - asked.size - (outnumbered ? holders : 0);
    const allTerms =
      fallbacks.length >= 2 &&
      (fallbacks.length >= others || (fallbacks.length >= 3 && fallbacks.length * 4 >= others * 3));
    for (const { section, reading } of readings) {
      if (reading.kind === "label") this.decisions.labels.add(section);
      if (reading.kind === "reflective") this.decisions.reflective.add(section);
      if (reading.kind !== "prompt") continue;
      const accepted = [reading.prompt, reading.fallback].find((prompt) => {
        if (!prompt) return false;
        if (section.isDeckTitle) return prompt.strength === "strong";
        if (familyOf(prompt.form) === "question") return backed(prompt, prompts, candidates);
        if (prompt.strength === "strong") return true;
        if (underTerm) return prompt.strength === "weak";
        // Three or more headings and every one a term (`## Mitochondria` / `- produces ATP` ...): a
        // vocabulary section even when no body says what its term is in so many words.
        if (
          allTerms &&
          (fallbacks.length >= 3 ||
            (fallbacks.length === 2 &&
              sections.every((other) => asked.has(other) || labelled.has(other) || notesUnder(other))))
        )
          return true;
        // One heading alone among its siblings over notes on it (`## Sharding` / `Splitting a
        // dataset ...`): no sibling to agree with, and nothing else it could be.
        if (
          candidates === 1 &&
          sections.length === 1 &&
          (opensWithGerund(section) || opensAsStatement(section)) &&
          !isAsideTitle(plainText(section.title)) &&
          briefBody(section) &&
          !this.holdsCards(section)
        )
          return true;
        if (strongTerms === 0) return false;
        return prompt.strength === "weak" ? backed(prompt, fallbacks, candidates) : allTerms;
      });
      if (accepted) this.decisions.prompts.set(section, [accepted]);
    }
  }

  /** Every paragraph and item of one section (or callout, or quote), to be decided together. */
  private pool(blocks: Block[], title: Phrasing): Vote[] {
    const votes: Vote[] = [];
    this.pools.push(votes);
    this.collect(blocks, votes, title);
    return votes;
  }

  /**
   * Decides one pool. A pool of one or two term lines (`pipe - can be used to ...` under its own
   * heading) is backed by the rest of the note when the note defines terms that way throughout.
   */
  /** `aside`: under a heading that names no study material, only strong forms count. */
  private decide(votes: Vote[], all: Prompt[], aside = false): void {
    const prompts = votes.flatMap(({ reading }) => (reading.kind === "prompts" ? reading.prompts : []));
    const candidates = votes.reduce((count, { site, reading, underPrompt }) => {
      if (reading.kind === "prompts" && reading.byLine) return count + reading.prompts.length;
      // The answer's own lines are not rival prompts: they would outvote the prompts they answer.
      if (underPrompt && reading.kind === "none") return count;
      const lead = site.kind === "item" ? site.lead : site;
      const holds =
        lead && trimPhrasing(lead.node.children).length > 0 && !isLinkOrImageOnly(lead.node.children);
      return count + (holds && reading.kind !== "explicit" ? 1 : 0);
    }, 0);
    const withBody = votes.filter(
      (vote) =>
        vote.hasBody &&
        !isLinkOrImageOnly((vote.site.kind === "item" ? vote.site.lead : vote.site)?.node.children ?? []),
    ).length;
    const noteWide = (prompt: Prompt) =>
      prompt.form === "separator" &&
      candidates <= 2 &&
      backed(prompt, all, all.length) &&
      supports(all, "term") >= NOTE_WIDE_SUPPORT;
    // The items of one list back each other even in a section full of other things.
    const byList = new Map<ListBlock, Prompt[]>();
    for (const vote of votes) {
      if (!vote.list || vote.reading.kind !== "prompts") continue;
      const listed = byList.get(vote.list) ?? [];
      for (const prompt of vote.reading.prompts) listed.push(prompt);
      byList.set(vote.list, listed);
    }
    const inList = (prompt: Prompt, list: ListBlock | undefined) =>
      list !== undefined &&
      prompt.form !== "alone" &&
      backed(prompt, byList.get(list) ?? [], list.items.length);
    // `1. client → server: SYN` / `2. server → client: SYN-ACK` / `3. client → ...`: a glossary
    // defines each term once; a list naming the same one twice is steps or a dialogue.
    const repeating = new Set(
      [...byList].flatMap(([list, listed]) => {
        const terms = listed.filter((prompt) => prompt.role === "term");
        const fronts = terms.map((prompt) => plainText(prompt.front).trim().toLowerCase());
        // A line copied word for word (`5.2 Bokeh - ...` twice) is a copy, not another step.
        const entries = new Set(
          terms.map((prompt, at) => `${fronts[at]}\u0000${plainText(prompt.answer).trim()}`),
        );
        const distinct = new Set(fronts).size;
        // One homonym (`bank` twice) is a glossary; steps repeat, or two sides take turns.
        const turns = fronts.every((front, at) => at === 0 || front !== fronts[at - 1]);
        const steps =
          (list.node.ordered === true && distinct < entries.size) ||
          (fronts.length >= 3 && distinct * 2 <= fronts.length && turns);
        return steps ? [list] : [];
      }),
    );
    // Under a one-line prompt (`**Ohm's Law**` / `- V = I × R` / `- only holds for ...`), a list is
    // its answer unless most items define a term of their own (a bold line naming a glossary).
    const answersByList = new Map<ListBlock, boolean>();
    const answersPrompt = (list: ListBlock | undefined, underPrompt: boolean | undefined) => {
      if (underPrompt !== true || !list) return false;
      let answers = answersByList.get(list);
      if (answers === undefined) {
        const items = votes.filter((vote) => vote.list === list && vote.site.kind === "item");
        answers = items.filter((vote) => vote.reading.kind === "prompts").length * 2 <= items.length;
        answersByList.set(list, answers);
      }
      return answers;
    };
    for (const { site, reading, list, underPrompt } of votes) {
      if (reading.kind === "explicit") this.decisions.explicit.add(site.kind === "item" ? site.lead! : site);
      if (reading.kind === "reflective") this.decisions.reflective.add(site);
      if (reading.kind !== "prompts") continue;
      const answering = answersPrompt(list, underPrompt) || (list !== undefined && repeating.has(list));
      let accepted = reading.prompts.filter(
        (prompt) =>
          prompt.strength === "strong" ||
          (!aside &&
            !answering &&
            (backed(prompt, prompts, candidates, withBody) || inList(prompt, list) || noteWide(prompt))),
      );
      if (accepted.length === 0 && reading.fallback) accepted = [reading.fallback];
      // A paragraph read one term per line stands or falls as a whole.
      if (reading.byLine && accepted.length !== reading.prompts.length) continue;
      if (accepted.length > 0) this.decisions.prompts.set(site, accepted);
    }
  }

  /** `title`: the heading the blocks sit under (a `[!definition]` callout with no title of its own defines it). */
  /** `above`: the item whose blocks these are, if any (else the block before, or the title, is above). */
  private collect(blocks: Block[], votes: Vote[], title: Phrasing, above?: Phrasing): void {
    blocks.forEach((block, index) => {
      const before = blocks[index - 1];
      const lineAbove =
        index === 0 ? (above ?? title) : before?.kind === "paragraph" ? before.node.children : undefined;
      switch (block.kind) {
        case "paragraph": {
          // `**Solution:** ...` after a problem is its answer, not a term `Solution`.
          const previous =
            before?.kind === "paragraph" ? votes.findLast((vote) => vote.site === before) : undefined;
          if (
            previous &&
            awaitsNextBlock(previous.reading, before as ParagraphBlock) &&
            previous.reading.kind === "prompts" &&
            previous.reading.prompts[0]!.role === "question" &&
            opensWithSolution(block.node.children)
          ) {
            votes.push({ site: block, reading: { kind: "none" }, hasBody: false });
            break;
          }
          // A study's `Aim:` / `Method:` / `Findings:` lines are facts about what is above them.
          if (spellsOut(block.lines, lineAbove) || isFieldList(block)) {
            votes.push({ site: block, reading: { kind: "none" }, hasBody: false });
            break;
          }
          const below = optionsBelow(blocks[index + 1], block.node.children);
          const ticked = below && isTaskList(blocks[index + 1]!) ? below : undefined;
          const lead = readLead(block, ticked !== undefined, this.options, below);
          votes.push({
            site: block,
            reading: overFields(
              keyedBelow(
                answeredBelow(below ? choiceAbove(lead) : lead, blocks[index + 1]),
                block,
                blocks[index + 1],
              ),
              blocks[index + 1],
            ),
            hasBody: block.lines.length > 1,
          });
          break;
        }
        case "list": {
          const previous =
            before?.kind === "paragraph" ? votes.findLast((vote) => vote.site === before) : undefined;
          const underPrompt =
            previous !== undefined &&
            before?.kind === "paragraph" &&
            awaitsNextBlock(previous.reading, before);
          // A term's named facts (`- Class: beta blocker`) are its answer, not terms of their own; so
          // are an acronym's letters (`**ARROW**` / `- A - Airworthiness certificate`).
          const fields = isFieldList(block) || spellsOut(leadLines(block), lineAbove);
          block.items.forEach((item) => {
            // A one-item list (`- What is X?`, `- setState`) may be answered by the block after it.
            const lone = block.items.length === 1 && answersFollow(blocks[index + 1], this.options);
            const hasBody = holdsContent(item.blocks) || lone;
            if (item.lead && !fields && (item.checked === null || asksAsTask(item, hasBody, this.options))) {
              const below = block.items.length === 1 ? blocks[index + 1] : undefined;
              const read = nestedOrBelow(item, below, (options) =>
                readLead(item.lead!, hasBody, this.options, options),
              );
              // `* tener hambre -> to be hungry` / `    * Tengo mucha hambre. = I'm very hungry.`: a
              // sentence and its translation under a word is the word's example, not a card.
              const reading =
                above !== undefined && translatesSentence(read) ? { kind: "none" as const } : read;
              votes.push({
                site: item,
                // `1. Which ...?` over its options, then `Answer: B` under the list.
                reading: overFields(below ? keyedBelow(reading, item.lead, below) : reading, item.blocks[0]),
                hasBody: hasBody || item.lead.lines.length > 1,
                list: block,
                underPrompt,
              });
            }
            this.collect(item.blocks, votes, title, item.lead?.node.children);
          });
          break;
        }
        case "callout": {
          const reading = readCallout(block, title);
          if (reading.kind === "prompt") this.decisions.prompts.set(block, [reading.prompt]);
          this.pool(block.blocks, title);
          break;
        }
        case "quote":
        case "details":
          this.pool(block.blocks, title);
          break;
        default:
          break;
      }
    });
  }
}

/** Decides every prompt of the note. */
export function classify(root: Section, options: ReadOptions): Decisions {
  const classifier = new Classifier(options);
  classifier.run(root);
  return classifier.decisions;
}
