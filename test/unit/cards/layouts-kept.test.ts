/**
 * Readings the newer layout rules must leave as they were: each fixture is a note a rule was
 * found to misread in review (a homograph list read as steps, `Give one example.` read as the
 * answer, a glossary under a bold line taken as its answer, term lines over tab-indented bullets
 * lifted apart, `For example:` read as an empty entry, a numbered question over an arrow list).
 */
import { describe, expect, it } from "vitest";
import { parseLayout, sides } from "./layout-helpers";

describe("readings kept", () => {
  it("keeps a homograph defined twice in a row (test/fixtures/layouts/homographs.md)", () => {
    expect(sides(parseLayout("homographs"))).toEqual([
      { front: "bass", back: "a low voice" },
      { front: "bass", back: "a kind of fish" },
      { front: "lead", back: "to guide" },
      { front: "lead", back: "a soft grey metal" },
    ]);
  });

  it("keeps the `A:` answer of a `Q:` that asks more after its `?` (test/fixtures/layouts/question-asking-more.md)", () => {
    expect(sides(parseLayout("question-asking-more"))).toEqual([
      {
        front: "What is negligence? Give one example.",
        back: "Failing to take reasonable care, e.g. driving while texting.",
      },
    ]);
  });

  it("keeps the terms of a list under a bold line that is mostly terms (test/fixtures/layouts/bold-line-over-mostly-terms.md)", () => {
    expect(sides(parseLayout("bold-line-over-mostly-terms"))).toEqual([
      { front: "artery", back: "carries blood away from the heart" },
      { front: "vein", back: "carries blood back to the heart" },
      { front: "capillary", back: "where exchange with the tissues happens" },
    ]);
  });

  it("keeps term lines with their tab-indented bullets (test/fixtures/layouts/term-lines-over-tab-bullets.md)", () => {
    expect(sides(parseLayout("term-lines-over-tab-bullets"))).toEqual([
      {
        front: "Osmosis",
        back: "water moving across a membrane\n- needs a partially permeable membrane\n- from dilute to concentrated",
      },
      { front: "Diffusion", back: "particles spreading out\n- no membrane needed\n- down a gradient" },
    ]);
  });

  it("keeps `For example:` and its line in the definition (test/fixtures/layouts/definition-with-example-line.md)", () => {
    expect(sides(parseLayout("definition-with-example-line"))).toEqual([
      {
        front: "Inflation",
        back: "a general rise in prices\nFor example:\na bus fare going from $2 to $2.20",
      },
      { front: "Deflation", back: "a general fall in prices" },
    ]);
  });

  it("keeps a `1)` numbered question answered by an arrow list (test/fixtures/layouts/numbered-questions-over-arrow-lists.md)", () => {
    expect(sides(parseLayout("numbered-questions-over-arrow-lists"))).toEqual([
      {
        front: "OSPF neighbour states in order",
        back: "- Down → Init: a hello was received\n- Init → 2-Way: the router saw itself in the hello",
      },
      { front: "What does a DR do?", back: "It cuts the number of adjacencies on a shared segment." },
    ]);
  });
});

describe("readings kept: words the newer rules treat specially", () => {
  it("answers from the key when several options are in italics (test/fixtures/layouts/italic-options-with-key.md)", () => {
    expect(sides(parseLayout("italic-options-with-key"))).toEqual([
      { front: "Which of these is a yeast?", back: "Saccharomyces cerevisiae" },
    ]);
  });

  it("defines `Page` and `Usage` in a glossary (test/fixtures/layouts/glossary-of-header-words.md)", () => {
    expect(sides(parseLayout("glossary-of-header-words"))).toEqual([
      { front: "Page", back: "a fixed-size block of virtual memory" },
      { front: "Frame", back: "a fixed-size block of physical memory" },
      { front: "Usage", back: "how much of a resource is in use" },
    ]);
  });
});
