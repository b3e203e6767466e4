import "server-only";
import { exportDeckApkg } from "@/app/lib/anki/export-apkg";
import type { Viewer } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { exportDeckCsv } from "@/app/lib/export/csv-export";
import { exportDeckMarkdown } from "@/app/lib/export/markdown-export";
import type { Attachment } from "./attachment";

export const exportFormats = ["markdown", "csv", "apkg"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * A deck as a download in one of the export formats, for the viewer (their own history). Throws
 * ExportError for an unknown deck, or one the viewer cannot see.
 */
export async function getDeckExport(viewer: Viewer, slug: string, format: ExportFormat): Promise<Attachment> {
  const { prisma } = await getDb();
  const { userId } = viewer;
  if (format === "markdown") {
    const { fileName, markdown } = await exportDeckMarkdown(prisma, slug, { userId });
    return { fileName, contentType: "text/markdown; charset=utf-8", body: markdown };
  }
  if (format === "csv") {
    const { fileName, csv } = await exportDeckCsv(prisma, slug, { userId });
    return { fileName, contentType: "text/csv; charset=utf-8", body: csv };
  }
  const { fileName, bytes } = await exportDeckApkg(prisma, slug, { userId, now: new Date() });
  return { fileName, contentType: "application/octet-stream", body: bytes };
}
