/**
 * A deck's markdown with a new title, written where the parser reads the title from, so a renamed
 * browser deck keeps its name on every later edit:
 * - front matter with a `title:` -> that line is replaced (a block scalar's lines with it);
 * - else a first `# Heading` (the title when there is no front matter title) -> its text is replaced;
 * - else `title:` is added to the front matter, or front matter holding only it is put on top.
 * The title is written as a YAML double-quoted string (JSON's escapes are valid YAML).
 *
 * @example retitleMarkdown("# Cells\n\n- What is a cell?\n  A unit\n", "Cell biology")
 * // "# Cell biology\n\n- What is a cell?\n  A unit\n"
 */
export function retitleMarkdown(markdown: string, title: string): string {
  const lines = markdown.split("\n");
  const yamlTitle = `title: ${JSON.stringify(title)}`;
  const close =
    lines[0] === "---" ? lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line)) : -1;
  if (close > 0) {
    const at = lines.findIndex((line, i) => i > 0 && i < close && /^title\s*:/.test(line));
    if (at > 0) {
      let end = at + 1;
      // A block or multi-line value continues on indented lines.
      while (end < close && /^\s+\S/.test(lines[end]!)) end++;
      lines.splice(at, end - at, yamlTitle);
      return lines.join("\n");
    }
  }
  const heading = firstHeading(lines, close > 0 ? close + 1 : 0);
  if (heading >= 0) {
    lines[heading] = `# ${title.replace(/#+\s*$/, "")}`;
    return lines.join("\n");
  }
  if (close > 0) {
    lines.splice(close, 0, yamlTitle);
    return lines.join("\n");
  }
  return `---\n${yamlTitle}\n---\n\n${markdown}`;
}

/** The line of the first ATX level-1 heading outside code fences, or -1. */
function firstHeading(lines: string[], from: number): number {
  let fence: string | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
      continue;
    }
    if (fence === null && /^ {0,3}#[ \t]+\S/.test(line)) return i;
  }
  return -1;
}
