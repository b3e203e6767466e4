import path from "node:path";
import { describe, expect, it } from "vitest";
import { mediaUrl, parseMediaUrl, resolveMediaPath, safeMediaName } from "@/app/lib/anki/media-path";

describe("media paths", () => {
  const root = path.resolve("/srv/app/data/media");

  it("resolves a deck's media file inside the media folder", () => {
    expect(resolveMediaPath(root, "spanish", "cat.png")).toBe(path.join(root, "spanish", "cat.png"));
    expect(resolveMediaPath(root, "spanish", "été photo (1).jpg")).toBe(
      path.join(root, "spanish", "été photo (1).jpg"),
    );
  });

  it.each([
    ["spanish", "../../etc/passwd"],
    ["spanish", ".."],
    ["..", "cat.png"],
    ["spanish", "sub/cat.png"],
    ["spanish", "sub\\cat.png"],
    ["spanish", ".env"],
    ["spanish", "cat\0.png"],
    ["", "cat.png"],
    ["spanish", ""],
    ["/etc", "passwd"],
  ])("rejects %j / %j", (slug, file) => {
    expect(resolveMediaPath(root, slug, file)).toBeNull();
  });

  it("makes Anki file names safe, and URLs that parse back to them", () => {
    expect(safeMediaName("../evil.png")).toBe("__evil.png");
    expect(safeMediaName("a/b:c?.png")).toBe("a_b_c_.png");
    expect(safeMediaName("")).toBe("file");
    const url = mediaUrl("spanish", "été photo #1.png");
    expect(url).toBe("/media/spanish/%C3%A9t%C3%A9%20photo%20%231.png");
    expect(parseMediaUrl(url)).toEqual({ deckSlug: "spanish", fileName: "été photo #1.png" });
    expect(parseMediaUrl("/media/spanish/..%2F..%2Fsecret")).toBeNull();
    expect(parseMediaUrl("https://example.com/x.png")).toBeNull();
  });
});
