// The CLI's piped output must not be cut at the pipe buffer: it sets process.exitCode, never exits
// right after writing (reviewer: `npm run evaluate -- … --json | head -c 100000` stopped at 65,536 bytes).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

describe("scripts/evaluate.ts", () => {
  it("writes the whole --json output through a pipe", () => {
    const file = "examples/hospital-patient-data.json";
    const piped = execFileSync("sh", ["-c", `npx tsx scripts/evaluate.ts ${file} --json | cat`], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(piped.length).toBeGreaterThan(65_536);
    const parsed = JSON.parse(piped) as { recommendation: string };
    expect(parsed.recommendation).toMatch(/api|hosted-open|self-hosted|hybrid/);
    expect(fs.existsSync(file)).toBe(true);
  }, 60_000);
});
