import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";
import { writeArtifact } from "./artifacts.ts";

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 A and AA, and axe's best practices. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

export interface AxeSummary {
  /** Violations of serious or critical impact: the tests allow none. */
  readonly serious: readonly { readonly id: string; readonly impact: string; readonly help: string; readonly targets: readonly string[] }[];
  readonly all: number;
}

/**
 * Runs axe-core in the page and writes its full report as an artifact. Evaluated
 * through the browser's protocol rather than added as a <script>: the page's
 * Content-Security-Policy (script-src 'self') stays on while it is checked.
 */
export async function checkAccessibility(page: Page, name: string): Promise<AxeSummary> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: "tag", values: tags } }),
    TAGS,
  );
  writeArtifact(`axe-${name}.json`, { url: results.url, violations: results.violations, incomplete: results.incomplete.map((rule) => rule.id) });
  const serious = results.violations
    .filter((rule: Result) => rule.impact === "serious" || rule.impact === "critical")
    .map((rule: Result) => ({ id: rule.id, impact: rule.impact ?? "", help: rule.help, targets: rule.nodes.map((node) => node.target.join(" ")) }));
  return { serious, all: results.violations.length };
}
