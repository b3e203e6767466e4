/** A deck being written in the browser: pasted (no file name) or read from an uploaded .md file. */
export interface Draft {
  id: string;
  fileName: string | null;
  text: string;
}

export function isMarkdownFile(file: File): boolean {
  return /\.md$/i.test(file.name);
}

/** Reads the .md files among `files` into drafts; the names of the others come back as `rejected`. */
export async function readMarkdownFiles(
  files: readonly File[],
): Promise<{ drafts: Draft[]; rejected: string[] }> {
  const markdown = files.filter(isMarkdownFile);
  const rejected = files.filter((file) => !isMarkdownFile(file)).map((file) => file.name);
  const drafts = await Promise.all(
    markdown.map(async (file) => ({ id: crypto.randomUUID(), fileName: file.name, text: await file.text() })),
  );
  return { drafts, rejected };
}
