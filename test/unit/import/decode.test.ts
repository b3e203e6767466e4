import { describe, expect, it } from "vitest";
import { decodeMarkdown, ImportError } from "@/app/lib/import";

function failure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

describe("decodeMarkdown", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("# Café\n")]);
    expect(decodeMarkdown(bytes, "notes/cafe.md")).toBe("# Café\n");
    expect(decodeMarkdown("\uFEFF# Tea\n", "tea.md")).toBe("# Tea\n");
  });

  it("names the file, offset and line of the first invalid byte", () => {
    // "ab\nc" then a Latin-1 é (0xE9 followed by ASCII is not a valid UTF-8 sequence).
    const bytes = new Uint8Array([0x61, 0x62, 0x0a, 0x63, 0xe9, 0x74, 0x0a]);
    const error = failure(() => decodeMarkdown(bytes, "content/latin1.md"));
    expect(error.message).toBe("content/latin1.md: is not UTF-8 text (invalid byte at offset 4 / line 2)");
    expect(error.file).toBe("content/latin1.md");
  });

  it.each([
    ["a truncated sequence at the end", [0x41, 0xe2, 0x82], 1],
    ["an overlong encoding", [0x41, 0x41, 0xc0, 0xaf], 2],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80], 0],
    ["a bad continuation byte", [0x41, 0xe2, 0x41, 0x41], 1],
  ])("finds %s", (_name, raw, offset) => {
    const error = failure(() => decodeMarkdown(new Uint8Array(raw), "x.md"));
    expect(error.message).toContain(`invalid byte at offset ${offset} / line 1`);
  });

  it("rejects NUL bytes as binary even though they are valid UTF-8", () => {
    const bytes = new Uint8Array([0x23, 0x0a, 0x0a, 0x00, 0x01]);
    const error = failure(() => decodeMarkdown(bytes, "image.md"));
    expect(error.message).toMatch(/^image\.md: is not UTF-8 text \(NUL byte at offset 3 \/ line 3/);
    expect(failure(() => decodeMarkdown("a\0b", "s.md")).message).toContain("offset 1 / line 1");
  });
});
