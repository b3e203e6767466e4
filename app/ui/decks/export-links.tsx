const formats = [
  ["markdown", "Markdown"],
  ["csv", "CSV"],
  ["apkg", "Anki"],
] as const;

const linkClass = "text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300";

/** Download links for one deck in each export format (deck page and settings). */
export function ExportLinks({ slug, title }: { slug: string; title: string }) {
  return (
    <span className="flex gap-3 text-sm">
      {formats.map(([format, label]) => (
        <a
          key={format}
          href={`/api/decks/${encodeURIComponent(slug)}/export?format=${format}`}
          download
          aria-label={`${title} as ${label}`}
          className={linkClass}
        >
          {label}
        </a>
      ))}
    </span>
  );
}
