import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/engine";
import { catalogRows } from "./rows";

describe("catalog page rows", () => {
  const rows = catalogRows();
  it("list every model, GPU rate, throughput point and figure with a source and date", () => {
    expect(rows.filter((r) => r.section.startsWith("Proprietary API"))).toHaveLength(catalog.apiModels.length);
    expect(rows.filter((r) => r.section.startsWith("Hosted open-weights"))).toHaveLength(catalog.hostedOpenModels.length);
    expect(rows.filter((r) => r.section.startsWith("Throughput ·"))).toHaveLength(catalog.throughput.points.length);
    for (const key of Object.keys(catalog.figures)) expect(rows.some((r) => r.item.includes(`(${key})`))).toBe(true);
    for (const r of rows) {
      expect(r.source.length, r.item).toBeGreaterThan(3);
      expect(r.asOf, r.item).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
