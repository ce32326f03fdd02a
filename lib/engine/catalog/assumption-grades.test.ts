import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { listAssumptions } from "../evaluate";

// The assumptions panel shows each figure's evidence grade: rows built from catalog figures carry it.
describe("assumption rows carry the evidence grade", () => {
  it.each(Object.keys(PROFILES).slice(0, 4))("%s", (name) => {
    const rows = listAssumptions(PROFILES[name as keyof typeof PROFILES]);
    const keys = [
      "api.inputUsdPerMTok",
      "api.cachedInputUsdPerMTok",
      "api.outputUsdPerMTok",
      "api.batchDiscount",
      "hostedOpen.inputUsdPerMTok",
      "hostedOpen.outputUsdPerMTok",
      "selfHosted.tokensPerSecondPerReplica",
      "selfHosted.gpusPerReplica",
      "selfHosted.targetUtilization",
      "selfHosted.minReplicas",
      "people.loadedEngineerUsdPerYear",
      "people.fte",
      "people.setupEngineerMonths",
      "overheads.toolingUsdPerMonth",
    ];
    const graded = rows.filter((r) => keys.includes(r.key));
    expect(graded.length).toBeGreaterThan(8);
    for (const r of graded) expect(["measured", "derived", "assumed"], r.key).toContain(r.grade);
    const hosted = rows.find((r) => r.key === "hostedOpen.outputUsdPerMTok")!;
    expect(hosted.grade).toBe("derived");
    expect(hosted.derivation).toMatch(/median/);
    expect(hosted.low).toBeLessThanOrEqual(hosted.value);
    expect(hosted.high).toBeGreaterThanOrEqual(hosted.value);
  });
});
