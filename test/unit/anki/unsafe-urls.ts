/**
 * Hostile links for the export tests, and the URLs in a piece of HTML that a browser (and Anki's reviewer, a web view) would act on with a
 * scheme other than http(s) or mailto: read with a real HTML parser and resolved with WHATWG URL
 * parsing, so tabs, entities, case and leading spaces cannot hide a `javascript:` or `data:` URL.
 */
import type { Element } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

const htmlParser = unified().use(rehypeParse, { fragment: true });
const safeProtocols = new Set(["http:", "https:", "mailto:"]);
const urlAttributes = ["href", "src", "srcSet", "action", "formAction", "cite", "longDesc", "poster", "data"];

/** Every attribute value in `html` whose URL a browser would resolve to an unsafe scheme. */
export function unsafeUrls(html: string): string[] {
  const found: string[] = [];
  visit(htmlParser.parse(html), "element", (node: Element) => {
    for (const attribute of urlAttributes) {
      const value = node.properties[attribute];
      if (typeof value !== "string") continue;
      let protocol: string;
      try {
        protocol = new URL(value, "http://anki.invalid/").protocol;
      } catch {
        continue;
      }
      if (!safeProtocols.has(protocol)) found.push(`${node.tagName} ${attribute}=${value}`);
    }
  });
  return found;
}

/** Links and images a card's markdown may hold that must not reach Anki as live URLs. */
export const hostileLinks = [
  "[here](javascript:alert(1))",
  "[J](JaVaScRiPt:alert(2))",
  "[e](&#106;avascript:alert(3))",
  "[s]( javascript:alert(4))",
  "<javascript:alert(5)>",
  "[ref][r]\n\n[r]: javascript:alert(6)",
  "[v](vbscript:msgbox(7))",
  "![x](data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDgpPC9zY3JpcHQ+PC9zdmc+)",
  "[d](data:text/html,<script>alert(9)</script>)",
  '<a href="javascript:alert(10)">raw html</a>',
  "![file](/media/deck/javascript%3Aalert(11))",
];
