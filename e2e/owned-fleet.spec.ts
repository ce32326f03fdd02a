import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { unfold } from "./helpers/assessment";
import { exportPdf } from "./helpers/pdf";
import { evaluate } from "@/lib/engine";
import { encodeAnswers } from "@/lib/assessment/url-state";
import type { AssessmentInput } from "@/lib/engine/schema";

// Issue #13 (owned fleets): an in-house site buys whole 8-GPU servers; the result page and the PDF
// show what is paid (servers × GPUs per server), the replicas they hold and the utilization of it,
// and the book value the servers still carry at the horizon's end.
const OUT = "e2e/output/owned-fleet";

const inHouse: AssessmentInput = {
  volume: { requestsPerDay: 300_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400, monthlyGrowthPct: 4 },
  data: { sensitivity: "confidential", mustStayInHouse: true },
  team: { mlOpsMaturity: "experienced" },
  latency: { p95TargetMs: 2_000 },
  capability: { frontier: "helpful" },
};

test("result page and PDF: owned servers paid, the replicas they hold, utilization, residual book value", async ({
  page,
}) => {
  fs.mkdirSync(OUT, { recursive: true });
  const e = evaluate(inHouse);
  const paid = e.capacity.paid;
  expect(paid.first.owned).toBe(true);
  await page.goto(`/assess/result?a=${encodeAnswers(inHouse)}`);
  await unfold(page); // the details sit folded under the one-screen summary
  const panel = page.getByTestId("capacity-panel");
  await expect(panel.getByTestId("capacity-paid")).toContainText(paid.first.text);
  await expect(panel.getByTestId("capacity-paid")).toContainText(/\d+ servers? × 8 .+ GPUs = \d+ GPUs paid/);
  const econ = page.getByTestId("economics-panel");
  await expect(econ.getByTestId("economics-paid")).toContainText(paid.last.text);
  await expect(econ.getByTestId("economics-owned")).toContainText("of book value");
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${OUT}/capacity-panel.png` });
  await econ.screenshot({ path: `${OUT}/economics-panel.png` });

  const { text } = await exportPdf(page, `${OUT}/owned-report.pdf`, { raw: true });
  expect(text).toContain(`${paid.first.servers} server`);
  expect(text).toContain("GPUs paid");
  expect(text).toContain("of book value");
});
