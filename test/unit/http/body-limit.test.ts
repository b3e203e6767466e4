import { readdirSync } from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyWithin } from "@/app/lib/http/body-limit";

const chunkBytes = 64 * 1024;

/**
 * A chunked upload (no Content-Length) of `chunks` chunks. With `stall`, the client then stops
 * sending without ending the body: a reader that waits for the end never returns.
 */
function chunkedUpload(chunks: number, { stall = false } = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled === chunks) return stall ? new Promise<void>(() => {}) : controller.close();
        pulled++;
        controller.enqueue(new Uint8Array(chunkBytes).fill(pulled % 251));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://localhost/api/anki", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

const uploadDirs = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith("notecards-upload-"));

describe("readBodyWithin", () => {
  it("returns a body under the limit byte for byte", async () => {
    const { request } = chunkedUpload(3);
    const bytes = await readBodyWithin(request, 10 * chunkBytes);
    expect(bytes.byteLength).toBe(3 * chunkBytes);
    expect(bytes[0]).toBe(1);
    expect(bytes[2 * chunkBytes]).toBe(3);
  });

  it("refuses a chunked body as soon as it passes the limit, without waiting for the rest", async () => {
    const before = uploadDirs();
    // The client is still sending when the limit is passed: a reader waiting for the end would hang.
    const { request } = chunkedUpload(6, { stall: true });
    const error = await readBodyWithin(request, 4 * chunkBytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as Error).message).toBe("The upload is larger than the 0.3 MB limit.");
    expect(uploadDirs()).toEqual(before);
  });

  it("refuses at once when Content-Length already says the body is over the limit", async () => {
    const { request } = chunkedUpload(0, { stall: true });
    const declared = new Request(request, { headers: { "content-length": String(1024 * 1024 * 1024) } });
    await expect(readBodyWithin(declared, chunkBytes)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("reads an empty or missing body as no bytes", async () => {
    expect((await readBodyWithin(new Request("http://localhost/", { method: "POST" }), 10)).byteLength).toBe(
      0,
    );
  });
});
