import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { endLabelOffsets } from "./chart-style";
import { tornadoRows } from "./tornado-chart";

describe("charts (issue 26 item 14)", () => {
  it("draws no tornado row for a figure whose low and high give the same break-even", () => {
    for (const p of Object.values(PROFILES)) {
      const e = evaluate(p);
      expect(tornadoRows(e)).toHaveLength(e.sensitivity.filter((s) => s.breakEvenLow !== s.breakEvenHigh).length);
    }
  });

  it("keeps end labels of lines that end close together apart, in their order", () => {
    const off = endLabelOffsets({ api: 100, "hosted-open": 104, "self-hosted": 40, hybrid: 100 });
    const y = (k: keyof typeof off, base: number) => base + off[k];
    const placed = [y("self-hosted", 40), y("api", 100), y("hybrid", 100), y("hosted-open", 104)].sort((a, b) => a - b);
    for (let i = 1; i < placed.length; i++) expect(placed[i]! - placed[i - 1]!).toBeGreaterThanOrEqual(12);
    expect(off["self-hosted"]).toBe(0);
  });
});
