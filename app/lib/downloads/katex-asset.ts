import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * KaTeX's stylesheet and fonts, served by the app from the installed `katex` package (no CDN, no
 * copy in public/): `/katex/<version>/katex.min.css` and `/katex/<version>/fonts/<KaTeX_*.woff2>`.
 * The version is in the address so a browser may keep the files for good; another version, or any
 * other name, is not found.
 */
const katexDist = path.join(process.cwd(), "node_modules", "katex", "dist");

const contentTypes: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

let installedVersion: Promise<string | null> | undefined;

/** The version of the installed katex package (null when it cannot be read). */
export function katexVersion(): Promise<string | null> {
  installedVersion ??= readFile(path.join(katexDist, "..", "package.json"), "utf8")
    .then((text) => (JSON.parse(text) as { version?: string }).version ?? null)
    .catch(() => null);
  return installedVersion;
}

/** The file a request's path segments name, or null when they name none of KaTeX's assets. */
export async function readKatexAsset(
  segments: readonly string[],
): Promise<{ bytes: Buffer; contentType: string } | null> {
  const [version, ...rest] = segments;
  if (!version || version !== (await katexVersion())) return null;
  const relative = rest.join("/");
  const allowed =
    relative === "katex.min.css" || /^fonts\/KaTeX_[A-Za-z0-9-]+\.(?:woff2|woff|ttf)$/.test(relative);
  if (!allowed) return null;
  try {
    const bytes = await readFile(path.join(katexDist, relative));
    return { bytes, contentType: contentTypes[path.extname(relative)] ?? "application/octet-stream" };
  } catch {
    return null;
  }
}
