import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Accessibility gate for every page the e2e suite opens: axe-core's WCAG 2.x A/AA rules, and no
// violation of impact "serious" or "critical" may remain. Moderate/minor ones are reported in the
// message when the check fails, not counted.
const BLOCKING = new Set(["serious", "critical"]);

/** `soft`: record the failure and go on, so one run lists every page's violations. */
export async function expectAccessible(page: Page, what = page.url(), { soft = false } = {}) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  const summary = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`)
        .join("\n")}`,
  );
  (soft ? expect.soft : expect)(summary, `serious/critical axe violations on ${what}`).toEqual([]);
}
