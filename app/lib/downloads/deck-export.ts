import "server-only";
import { exportDeckApkg } from "@/app/lib/anki/export-apkg";
import { getDb } from "@/app/lib/db";
import { exportDeckCsv } from "@/app/lib/export/csv-export";
import { exportDeckMarkdown } from "@/app/lib/export/markdown-export";
import type { Attachment } from "./attachment";

export const exportFormats = ["markdown", "csv", "apkg"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A deck as a download in one of the export formats. Throws ExportError for an unknown deck. */
export async function getDeckExport(slug: string, format: ExportFormat): Promise<Attachment> {
  const { prisma } = await getDb();
  if (format === "markdown") {
    const { fileName, markdown } = await exportDeckMarkdown(prisma, slug);
    return { fileName, contentType: "text/markdown; charset=utf-8", body: markdown };
  }
  if (format === "csv") {
    const { fileName, csv } = await exportDeckCsv(prisma, slug);
    return { fileName, contentType: "text/csv; charset=utf-8", body: csv };
  }
  const { fileName, bytes } = await exportDeckApkg(prisma, slug, { now: new Date() });
  return { fileName, contentType: "application/octet-stream", body: bytes };
}
