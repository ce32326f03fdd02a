import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { movedPriceLines, movedPrices } from "./price-watch";
import { jobIdForCatalog } from "./price-watch-jobs";

describe("price watch helpers", () => {
  const rows = evaluate(PROFILES.earlyPrototype).assumptions;

  it("names the catalog figures whose value changed, never the user's own overrides", () => {
    const after = rows.map((r) => (r.key === "gpu.usdPerHour" ? { ...r, catalogValue: r.catalogValue * 2 } : r));
    expect(movedPrices(rows, after)).toEqual([
      {
        key: "gpu.usdPerHour",
        label: expect.any(String),
        unit: expect.any(String),
        before: rows.find((r) => r.key === "gpu.usdPerHour")!.catalogValue,
        after: expect.any(Number),
      },
    ]);
    expect(movedPrices(rows, rows)).toEqual([]);
    const overridden = after.map((r) => (r.key === "gpu.usdPerHour" ? { ...r, overridden: true } : r));
    expect(movedPrices(rows, overridden)).toEqual([]);
  });

  it("writes a moved figure as one line and caps the list", () => {
    const moved = Array.from({ length: 8 }, (_, i) => ({
      key: `k${i}`,
      label: `Figure ${i}`,
      unit: "USD",
      before: 1.23456,
      after: 2,
    }));
    const lines = movedPriceLines(moved);
    expect(lines[0]).toBe("Figure 0: 1.235 → 2 USD");
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toBe("and 2 more");
  });

  it("derives one stable UUID per catalog version (the job id every instance enqueues)", () => {
    const id = jobIdForCatalog("2026-12-01+abcdef0123");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdForCatalog("2026-12-01+abcdef0123")).toBe(id);
    expect(jobIdForCatalog("2026-12-02+abcdef0123")).not.toBe(id);
  });
});
