/**
 * Request bodies read while they stream and refused at a limit: the Content-Length header is only
 * a hint (a chunked upload has none). Accepted bytes are parked in a temporary file rather than in
 * memory, so an upload that turns out too large costs disk for a moment, never the server's heap,
 * however many arrive at once.
 */
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { formatMegabytes } from "@/app/lib/upload-limits";

/** The body is larger than the limit for its kind; the message can be shown as is. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The upload is larger than the ${formatMegabytes(limitBytes)} limit.`);
    this.name = "BodyTooLargeError";
  }
}

// What a refused upload may still send is read and thrown away (so the client sees the 413 rather
// than a reset connection), but not forever.
const discardMaxBytes = 2 * 1024 * 1024 * 1024;

/** Reads the rest of a refused body in the background, keeping nothing, then lets it go. */
function discard(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    let discarded = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        discarded += value.byteLength;
        if (discarded > discardMaxBytes) {
          await reader.cancel();
          return;
        }
      }
    } catch {
      // The client went away: nothing left to read.
    }
  })();
}

/** Lets a request whose body will not be used finish sending it (read and thrown away). */
export function discardBody(request: Request): void {
  if (request.body && !request.bodyUsed) discard(request.body.getReader());
}

/**
 * The request's body, read chunk by chunk and refused with a {@link BodyTooLargeError} as soon as it
 * passes `limitBytes` (or at once when its Content-Length says it will).
 */
export async function readBodyWithin(request: Request, limitBytes: number): Promise<Buffer> {
  const body = request.body;
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  refuseDeclaredOver(request, reader, limitBytes);

  const dir = await mkdtemp(path.join(os.tmpdir(), "notecards-upload-"));
  const file = path.join(dir, "body");
  try {
    const handle = await open(file, "w");
    let received = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > limitBytes) {
          discard(reader);
          throw new BodyTooLargeError(limitBytes);
        }
        await handle.write(value);
      }
    } finally {
      await handle.close();
    }
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Throws at once when the body's Content-Length already says it is over the limit. */
function refuseDeclaredOver(
  request: Request,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limitBytes: number,
): void {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) {
    discard(reader);
    throw new BodyTooLargeError(limitBytes);
  }
}

/**
 * A small body (a JSON save of a few hundred bytes), read into memory and refused with a
 * {@link BodyTooLargeError} as soon as it passes `limitBytes`: no temporary file, which costs more
 * than such a body. For limits of kilobytes only.
 */
export async function readSmallBody(request: Request, limitBytes: number): Promise<Buffer> {
  const body = request.body;
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  refuseDeclaredOver(request, reader, limitBytes);
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.byteLength;
    if (received > limitBytes) {
      discard(reader);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
}
