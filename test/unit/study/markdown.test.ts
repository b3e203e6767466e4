import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { prerender } from "react-dom/static";
import { CardMarkdown } from "@/app/ui/markdown/card-markdown";
import { markCloze, splitCloze } from "@/app/lib/study/cloze";

const render = (source: string, highlight: "blank" | "answer" = "answer") =>
  renderToStaticMarkup(createElement(CardMarkdown, { source, highlight }));

// Waits for the renderer loaded on demand (a side with a named code fence or math), as the server does.
async function renderAll(source: string): Promise<string> {
  const { prelude } = await prerender(createElement(CardMarkdown, { source }));
  return new Response(prelude).text();
}

describe("card markdown", () => {
  it("renders GFM: code, lists, tables, links, images, inline code", async () => {
    const html = await renderAll(
      "Use `emit()`:\n\n```js\nsocket.emit('hi')\n```\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://socket.io) ![diagram](https://example.com/a.png)",
    );
    expect(html).toContain("<code>emit()</code>");
    expect(html).toMatch(/<pre tabindex="0"><code/);
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<table>");
    expect(html).toContain('href="https://socket.io"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    // A remote image waits for a click (test/unit/markdown/remote-image.test.ts), its URL kept for then.
    expect(html).toContain('data-remote-image="https://example.com/a.png"');
  });

  it.each([
    ["script tag", "<script>alert(1)</script>"],
    ["img onerror", '<img src=x onerror="alert(1)">'],
    ["javascript: link", "[click](javascript:alert(1))"],
    ["javascript: image", "![x](javascript:alert(1))"],
    ["iframe", '<iframe src="javascript:alert(1)"></iframe>'],
    ["svg onload", "<svg onload=alert(1)>"],
    ["data: html link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["autolink", "<javascript:alert(1)>"],
  ])("neutralises %s", (_name, payload) => {
    const html = render(`before ${payload} after\n\n${payload}`);
    expect(html).not.toMatch(/<(script|iframe|svg|object|embed)/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data:text)/i);
    expect(html).not.toMatch(/<img[^>]*src="x"/);
  });

  it("marks a cloze blank on the front and the answer on the back", () => {
    expect(splitCloze("Paris is the capital of [...].", "Paris is the capital of France.")).toEqual({
      prefix: "Paris is the capital of ",
      blank: "[...]",
      answer: "France",
      suffix: ".",
    });
    const marked = markCloze("The **[...]** event fires", "The **connect** event fires");
    expect(render(marked.front, "blank")).toContain(
      '<strong><mark class="cloze-blank">[...]</mark></strong>',
    );
    expect(render(marked.back, "answer")).toContain(
      '<strong><mark class="cloze-answer">connect</mark></strong>',
    );
  });

  it("keeps a hint blank whole even when the answer starts like it", () => {
    expect(splitCloze("A [f...] here", "A france here")).toMatchObject({ blank: "[f...]", answer: "france" });
  });
});
