import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * The WCAG 2.1 A/AA problems axe-core finds on the page as it is now (contrast, names of controls, labels,
 * landmarks, ARIA use). Checked in the real browser, on the rendered page and its computed colours.
 */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  // Colours are measured as painted: a dialog fading out or a notice sliding in would be judged half-drawn.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5_000 });
  if (!(await page.evaluate(() => "axe" in window))) {
    // Evaluated by the driver, not added as a script tag, which the pages' content policy rightly refuses.
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async () => {
    type Node = { target: unknown[]; any: { message: string }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${n.target.map(String).join(" ")} (${n.any[0]?.message ?? ""})`) }));
  });
}
