/**
 * axe-core's accessibility check on the page as it is now: the violations with the elements each
 * one names (an empty list is the pass the browser tests ask for).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

const axePath = path.resolve(import.meta.dirname, "../../../node_modules/axe-core/axe.min.js");

export async function axeViolations(page: Page) {
  // Evaluated, not added as a <script>: the app's CSP runs only scripts carrying its nonce.
  await page.evaluate(readFileSync(axePath, "utf8"));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target),
    }));
  });
}
