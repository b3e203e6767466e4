import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CardMarkdown } from "@/app/ui/markdown/card-markdown";
import { remoteImageHost } from "@/app/ui/markdown/remote-image";

const html = (source: string) => renderToStaticMarkup(createElement(CardMarkdown, { source }));

describe("remote images in cards", () => {
  it("tells the app's own images from other websites'", () => {
    expect(remoteImageHost("/media/spanish/cat.png")).toBeNull();
    expect(remoteImageHost("cat.png")).toBeNull();
    expect(remoteImageHost("https://tracker.example/pixel.gif?deck=1")).toBe("tracker.example");
    expect(remoteImageHost("http://cdn.example:8080/a.png")).toBe("cdn.example:8080");
    expect(remoteImageHost("//cdn.example/a.png")).toBe("cdn.example");
  });

  it("renders a remote image as a button naming its site, with no request to that site", () => {
    const out = html("![diagram of a cell](https://tracker.example/cell.png)");
    expect(out).not.toContain("<img");
    expect(out).toContain("<button");
    expect(out).toContain("Load image “diagram of a cell”");
    expect(out).toContain("from tracker.example");
  });

  it("renders the app's own images as images", () => {
    const out = html("![cat](/media/spanish/cat.png)");
    expect(out).toMatch(/<img[^>]+src="\/media\/spanish\/cat\.png"/);
    expect(out).not.toContain("<button");
  });
});
