import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { readKatexAsset, katexVersion } from "@/app/lib/downloads/katex-asset";
import { CardMarkdown } from "@/app/ui/markdown/card-markdown";
import { needsRichRendering } from "@/app/ui/markdown/markdown-pipeline";
import { ServerCardMarkdown } from "@/app/ui/markdown/server-card-markdown";
import { RichCardMarkdown, katexStylesheet, codeStylesheet } from "@/app/ui/markdown/rich-card-markdown";
import { readRepoFile } from "../cards/helpers";

const rich = (source: string, highlight: "blank" | "answer" = "answer") =>
  renderToStaticMarkup(createElement(RichCardMarkdown, { source, highlight }));
const plain = (source: string) => renderToStaticMarkup(createElement(CardMarkdown, { source }));

describe("the parser keeps LaTeX whole", () => {
  const deck = parseDeck(readRepoFile("test/fixtures/formats/math-code.md"), { fileName: "math-code.md" });
  const back = (front: string) => deck.cards.find((card) => card.front === front)?.back;

  it("reads `$a_1 * b_2$` in a definition as math, not emphasis", () => {
    expect(back("Dot product")).toBe(
      "$a_1 * b_1 + a_2 * b_2$ for vectors $\\mathbf{a}, \\mathbf{b} \\in \\mathbb{R}^2$",
    );
  });

  it("keeps a display formula whole, and inline math in a question", () => {
    expect(back("What is the sum of the first $n$ integers?")).toBe(
      "$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$",
    );
  });

  it("keeps a fenced block with its language", () => {
    expect(back("How do you sum the positive numbers of a list in Python?")).toMatch(/^```python\ndef total/);
  });
});

describe("which sides need the rich renderer", () => {
  it("wants it for math and for fences that name a language", () => {
    expect(needsRichRendering("$x^2$")).toBe(true);
    expect(needsRichRendering("$$\n\\sum i\n$$")).toBe(true);
    expect(needsRichRendering("```ts\nconst a = 1;\n```")).toBe(true);
    expect(needsRichRendering("  ~~~ python\nx\n~~~")).toBe(true);
  });

  it("leaves plain text, inline code and unnamed fences to the plain renderer", () => {
    expect(needsRichRendering("What does `emit()` send in **case 1**?")).toBe(false);
    expect(needsRichRendering("```\nplain\n```")).toBe(false);
    expect(needsRichRendering("a `` ``` `` in prose")).toBe(false);
  });
});

describe("rendering math and code", () => {
  it("renders inline and display math with KaTeX, with MathML for screen readers", () => {
    const html = rich("Dot: $a_1 * b_2$\n\n$$\n\\sum_{i=1}^n i\n$$");
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain("<math");
    expect(html).toContain('<annotation encoding="application/x-tex">a_1 * b_2</annotation>');
    expect(html).not.toContain("<em>");
    expect(html).toContain(`href="${katexStylesheet}"`);
    expect(html).not.toContain(codeStylesheet);
  });

  it("highlights a fence that names its language, and links the code colours only then", () => {
    const html = rich("```python\ndef f(x):\n    return x * 2  # double\n```");
    expect(html).toContain('class="hljs language-python"');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-comment"># double</span>');
    expect(html).toContain(`href="${codeStylesheet}"`);
    expect(html).not.toContain("katex");
  });

  it("reads a markdown exporter's escaped `\\<` in math as `<`", () => {
    const html = rich("$H \\< G$ and $a \\> b$");
    expect(html).toContain('<annotation encoding="application/x-tex">H &lt; G</annotation>');
    // `\>` is TeX's medium space, kept.
    expect(html).toContain('<annotation encoding="application/x-tex">a \\&gt; b</annotation>');
    expect(html).not.toContain("katex-error");
  });

  it("shows a formula KaTeX cannot read as its source, without throwing", () => {
    const html = rich("$\\frac{1}{$ and $x$");
    expect(html).toContain("katex-error");
  });

  it("marks a formula in a cloze answer whole, not glyph by glyph", () => {
    const html = rich("The area is \uE000$\\pi r^2$\uE001.", "answer");
    expect(html.match(/<mark/g)).toHaveLength(1);
    expect(html).toContain('<mark class="cloze-answer"><span class="katex">');
    expect(html).not.toMatch(/<math[^]*<mark[^]*<\/math>/);
  });

  it("does not let a card's markup or KaTeX commands add styles or links", () => {
    const html = rich(
      '$\\htmlStyle{color:red}{x}$ $\\href{javascript:alert(1)}{y}$ <b style="color:red">z</b>',
    );
    expect(html).not.toMatch(/style="[^"]*color:red/);
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).toContain("\\htmlStyle</span>");
  });

  it.each([
    ["script tag", "<script>alert(1)</script>"],
    ["img onerror", '<img src=x onerror="alert(1)">'],
    ["javascript: link", "[click](javascript:alert(1))"],
    ["iframe", '<iframe src="javascript:alert(1)"></iframe>'],
  ])("sanitises a side with math and code as the plain renderer does: %s", (_name, payload) => {
    const html = rich(`${payload}\n\n$x^2$\n\n\`\`\`js\nlet a = 1;\n\`\`\`\n\n${payload}`);
    expect(html).toContain('class="katex"');
    expect(html).toContain("hljs-keyword");
    expect(html).not.toMatch(/<script|<iframe|onerror=|href="javascript:/i);
  });

  it("renders math and code on the server in one pass, with no Suspense fallback to stream past", () => {
    const html = renderToStaticMarkup(
      createElement(ServerCardMarkdown, { source: "$$\nx^2\n$$\n\n```ts\nconst a = 1;\n```" }),
    );
    expect(html).not.toContain("Loading");
    expect(html).toContain('class="katex-display" tabindex="0"');
    expect(html).toMatch(/<pre tabindex="0"><code class="hljs language-ts">/);
  });

  it("renders a plain side without KaTeX, highlighting or their stylesheets", () => {
    const html = plain("What does `emit()` send?\n\n```\nplain fence\n```");
    expect(html).toContain("<code>emit()</code>");
    expect(html).not.toContain("katex");
    expect(html).not.toContain("hljs");
    expect(html).not.toContain("<link");
  });
});

describe("KaTeX's stylesheet and fonts, served from the package", () => {
  it("serves the stylesheet and fonts of the installed version only", async () => {
    const version = await katexVersion();
    expect(katexStylesheet).toBe(`/katex/${version}/katex.min.css`);
    const css = await readKatexAsset([version!, "katex.min.css"]);
    expect(css?.contentType).toBe("text/css; charset=utf-8");
    expect(css?.bytes.toString("utf8")).toContain("url(fonts/KaTeX_Main-Regular.woff2)");
    const font = await readKatexAsset([version!, "fonts", "KaTeX_Main-Regular.woff2"]);
    expect(font?.contentType).toBe("font/woff2");
    expect(font?.bytes.byteLength).toBeGreaterThan(1000);
  });

  it("finds nothing else: another version, another file, a path out of the folder", async () => {
    const version = (await katexVersion())!;
    expect(await readKatexAsset(["0.0.1", "katex.min.css"])).toBeNull();
    expect(await readKatexAsset([version, "katex.min.js"])).toBeNull();
    expect(await readKatexAsset([version, "..", "package.json"])).toBeNull();
    expect(await readKatexAsset([version, "fonts", "..", "..", "package.json"])).toBeNull();
    expect(await readKatexAsset([version, "fonts", "KaTeX_Nope.woff2"])).toBeNull();
    expect(await readKatexAsset([])).toBeNull();
  });
});
