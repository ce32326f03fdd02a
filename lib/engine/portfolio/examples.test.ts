import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePortfolio } from "./evaluate";
import { isPortfolioShape, portfolioInputSchema } from "./schema";

// The CLI's portfolio examples (examples/*portfolio*.json) stay valid and plan something defensible.
const dir = path.resolve(__dirname, "../../../examples");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f.includes("portfolio"));
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));

describe("portfolio examples", () => {
  it("has the hospital group and the SaaS company", () =>
    expect(files).toEqual(expect.arrayContaining(["hospital-group-portfolio.json", "saas-company-portfolio.json"])));

  it.each(files)("%s is a valid portfolio, told apart by its shape, and its plan respects every hard rule", (file) => {
    const raw = read(file);
    expect(isPortfolioShape(raw)).toBe(true);
    const parsed = portfolioInputSchema.safeParse(raw);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const r = evaluatePortfolio(parsed.data!);
    for (const w of r.workloads)
      expect(w.standalone.ranking.find((x) => x.option === w.placement)?.excluded).toBe(false);
    expect(r.plan.tcoUsd).toBeLessThanOrEqual(r.alternatives["each-alone"].tcoUsd + 0.01);
  });

  it("single-assessment examples are not mistaken for portfolios", () => {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json") && !x.includes("portfolio")))
      expect(isPortfolioShape(read(f))).toBe(false);
  });
});
