/** A file sent to the browser as a download. */
export interface Attachment {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

/** The response that makes the browser save `file` under its name (ASCII fallback + UTF-8 name). */
export function attachmentResponse(file: Attachment): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const body = typeof file.body === "string" ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
