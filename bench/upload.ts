/**
 * `npm run bench:upload [-- --mb 350 --concurrent 1]`: sends chunked uploads (no Content-Length)
 * of `--mb` megabytes to /api/anki of the production build, and prints each answer's status and
 * message, how much was sent before it came, and how far the server's resident memory rose above
 * its level before the uploads (peak, sampled every 25 ms). The upload limit is the baseline: the
 * run fails unless every answer is 413 and the rise stays below the limit.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ankiPackageMaxBytes, formatMegabytes } from "@/app/lib/upload-limits";
import { startApp } from "@/test/e2e/support/server";
import { ensureProductionBuild } from "./support/production-build";
import { groupResidentBytes, watchPeak } from "./support/process-memory";

const argsSchema = z.object({
  mb: z.coerce.number().int().min(1).max(4096).default(350),
  concurrent: z.coerce.number().int().min(1).max(8).default(1),
});
const { values } = parseArgs({ options: { mb: { type: "string" }, concurrent: { type: "string" } } });
const { mb, concurrent } = argsSchema.parse(values);

interface UploadResult {
  status: number;
  body: string;
  sentBytes: number;
  seconds: number;
}

/** One chunked POST of `totalBytes`, 1 MB per write, stopping once the server has answered. */
function chunkedUpload(baseUrl: string, totalBytes: number): Promise<UploadResult> {
  const chunk = Buffer.alloc(1024 * 1024, 0x50);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(`${baseUrl}/api/anki?fileName=bench.apkg`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream", "Transfer-Encoding": "chunked" },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          body,
          sentBytes: sent,
          seconds: (performance.now() - started) / 1000,
        });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && sent < totalBytes) {
        const size = Math.min(chunk.byteLength, totalBytes - sent);
        sent += size;
        if (!request.write(size === chunk.byteLength ? chunk : chunk.subarray(0, size))) {
          request.once("drain", write);
          return;
        }
      }
      if (!answered) request.end();
    };
    write();
  });
}

ensureProductionBuild();
const app = await startApp({ contentDir: false });
try {
  // Let the server settle (first requests load its modules) before taking the baseline.
  await fetch(`${app.baseUrl}/api/anki?fileName=warm.apkg`, { method: "POST", body: "warm-up" });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const before = groupResidentBytes(app.pid);
  const watch = watchPeak(app.pid);
  const results = await Promise.all(
    Array.from({ length: concurrent }, () => chunkedUpload(app.baseUrl, mb * 1024 * 1024)),
  );
  const peak = watch.stop();
  const rise = peak - before;

  console.log(
    `\n${concurrent} chunked upload(s) of ${mb} MB to /api/anki (limit ${formatMegabytes(ankiPackageMaxBytes)})`,
  );
  for (const [index, result] of results.entries()) {
    console.log(
      `  #${index + 1}: ${result.status} after ${formatMegabytes(result.sentBytes)} sent, ${result.seconds.toFixed(2)} s: ${result.body}`,
    );
  }
  console.log(
    `  server resident memory: ${formatMegabytes(before)} before, peak ${formatMegabytes(peak)}, ` +
      `rise ${formatMegabytes(rise)} (${((rise / ankiPackageMaxBytes) * 100).toFixed(0)}% of the limit)`,
  );
  const ok = results.every((result) => result.status === 413) && rise < ankiPackageMaxBytes;
  console.log(ok ? "  PASS: refused with 413, memory rise below the limit" : "  FAIL");
  process.exitCode = ok ? 0 : 1;
} finally {
  await app.stop();
}
