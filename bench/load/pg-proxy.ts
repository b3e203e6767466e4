/**
 * A TCP proxy between the app instances and PostgreSQL that counts the statements the apps send, for
 * the queries-per-grade figure. pg_stat_statements would do it inside the server, but it must be in
 * shared_preload_libraries, which needs a server restart (not ours to do on a shared server).
 *
 * The frontend protocol (https://www.postgresql.org/docs/current/protocol-message-formats.html): a
 * connection opens with an untyped message (Int32 length, Int32 code; an SSLRequest or GSSENCRequest
 * is followed by another one), then every message is a type byte and an Int32 length that counts
 * itself. Prisma's pg adapter sends each statement as Parse/Bind/Describe/Execute/Sync, and a
 * simple-protocol `Q` for some (BEGIN, COMMIT); a statement is an `E` or a `Q`.
 */
import net from "node:net";

const sslRequestCode = 80877103;
const gssEncRequestCode = 80877104;

export interface MessageCounts {
  /** Extended-protocol executions ('E'). */
  execute: number;
  /** Simple-protocol queries ('Q'), each usually one statement. */
  query: number;
  /** Parse messages ('P'): unnamed statements are parsed once per execution. */
  parse: number;
}

export interface CountingProxy {
  port: number;
  counts(): MessageCounts;
  /** How often each statement was parsed (P) or sent as a simple query (Q), by its SQL. */
  statementTexts(): Map<string, number>;
  close(): Promise<void>;
}

const capturedBytes = 2_000;

/** The SQL of a Parse (name\0 query\0 ...) or Query (query\0) body, whitespace folded. */
function statementText(type: string, body: Buffer): string {
  const fields = body.toString("utf8").split("\0");
  const sql = (type === "P" ? fields[1] : fields[0]) ?? "";
  return sql.replace(/\s+/g, " ").trim().slice(0, 160);
}

/** Walks the client->server byte stream of one connection, message by message. */
function frontendCounter(counts: MessageCounts, texts: Map<string, number>) {
  let started = false;
  let header = Buffer.alloc(0);
  let skip = 0;
  // The start of the body of a Parse or Query message being passed on, for its SQL text.
  let capture: { type: string; parts: Buffer[]; size: number } | null = null;
  const finishCapture = () => {
    if (!capture) return;
    const text = statementText(capture.type, Buffer.concat(capture.parts));
    texts.set(text, (texts.get(text) ?? 0) + 1);
    capture = null;
  };
  return (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      if (skip > 0) {
        const step = Math.min(skip, chunk.length - offset);
        if (capture && capture.size < capturedBytes) {
          capture.parts.push(chunk.subarray(offset, offset + step));
          capture.size += step;
        }
        skip -= step;
        offset += step;
        if (skip === 0) finishCapture();
        continue;
      }
      const need = started ? 5 : 8;
      const take = Math.min(need - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < need) return;
      if (started) {
        const type = String.fromCharCode(header[0]!);
        if (type === "E") counts.execute++;
        else if (type === "Q") counts.query++;
        else if (type === "P") counts.parse++;
        if (type === "P" || type === "Q") capture = { type, parts: [], size: 0 };
        skip = header.readInt32BE(1) - 4;
        if (skip === 0) finishCapture();
      } else {
        const code = header.readInt32BE(4);
        if (code !== sslRequestCode && code !== gssEncRequestCode) started = true;
        skip = header.readInt32BE(0) - 8;
      }
      header = Buffer.alloc(0);
    }
  };
}

/** Listens on a free loopback port and forwards every connection to `target`. */
export function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  const counts: MessageCounts = { execute: 0, query: 0, parse: 0 };
  const texts = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on("close", () => sockets.delete(socket));
      // A killed app instance resets its connections; the other side is then closed too.
      socket.on("error", () => undefined);
    }
    const count = frontendCounter(counts, texts);
    client.on("data", (chunk: Buffer) => {
      count(chunk);
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on("drain", () => client.resume());
    upstream.on("data", (chunk: Buffer) => {
      if (!client.write(chunk)) upstream.pause();
    });
    client.on("drain", () => upstream.resume());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        counts: () => ({ ...counts }),
        statementTexts: () => new Map(texts),
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
