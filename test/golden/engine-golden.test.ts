import { describe, expect, it } from "vitest";
import { computeGolden, GOLDEN_PATH, jsonDiff, readGolden } from "./engine-golden";

// Engine results must stay identical unless a change intends otherwise. After an intended change run
// `npm run golden:update` and commit test/golden/engine.golden.jsonl with it, naming the entries that changed.
describe("engine golden outputs", () => {
  it("every golden input evaluates to exactly the committed output", () => {
    const committed = readGolden();
    const now = computeGolden();
    expect(
      now.map((e) => e.name),
      `the golden inputs changed: run npm run golden:update (${GOLDEN_PATH})`,
    ).toEqual(committed.map((e) => e.name));
    const differing: string[] = [];
    now.forEach((e, i) => {
      const c = committed[i]!;
      if (e.sha256 === c.sha256) return;
      const where = c.full !== undefined ? jsonDiff(c.full, e.full) : jsonDiff(c.summary, e.summary);
      differing.push(`${e.name}: ${where.length ? where.join("; ") : "full JSON differs (summary equal)"}`);
    });
    expect(
      differing,
      `${differing.length} of ${now.length} golden outputs differ; if intended, run npm run golden:update and commit it:\n${differing.slice(0, 15).join("\n")}`,
    ).toEqual([]);
  });
});
