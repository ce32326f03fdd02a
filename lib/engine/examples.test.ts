import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assessmentInputSchema, evaluate } from "./index";

// The CLI's sample inputs (examples/*.json) stay valid as the schema evolves.
const dir = path.resolve(__dirname, "../../examples");
// Portfolio examples (`*portfolio*.json`) are checked in lib/engine/portfolio/examples.test.ts.
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("portfolio"));

describe("examples", () => {
  it("has sample inputs", () => expect(files.length).toBeGreaterThanOrEqual(3));
  it.each(files)("%s is a valid assessment input and evaluates", (file) => {
    const parsed = assessmentInputSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const e = evaluate(parsed.data!);
    expect(e.ranking.find((r) => r.option === e.recommendation)?.excluded).toBe(false);
  });
});
