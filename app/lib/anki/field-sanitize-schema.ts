/**
 * What card HTML may hold when it crosses into or out of Anki, for rehype-sanitize: GitHub's schema
 * (no `<script>`, `<style>`, event handlers or `style` attributes; links only to http(s), mailto,
 * irc and xmpp, images only from http(s) or a relative file name, so no `javascript:` or `data:`
 * URL), with the elements whose text is code or metadata dropped whole rather than kept as text.
 * Anki's reviewer is a web view that runs what a field holds, so imports and exports both use it.
 */
import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

export const ankiFieldSchema: SanitizeSchema = {
  ...defaultSchema,
  // Anki fields are our own content: no need to prefix ids and names against clobbering.
  clobber: [],
  strip: ["script", "style", "template", "noscript", "title", "iframe", "object", "svg", "math"],
  protocols: { ...defaultSchema.protocols, src: ["http", "https"] },
};
