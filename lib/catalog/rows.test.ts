import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/engine/catalog";
import { catalogRows, ROW_KINDS } from "./rows";

// Sections of the snapshot kept only for engine readers that have not switched yet (their new
// versions are listed: hostedMarket, compliance) or measured points summarised by their fits.
const LEGACY = new Set(["qualityPairing"]);

function figuresIn(value: unknown, path: string, out: { path: string; value: number; source: string; asOf: string }[]) {
  if (Array.isArray(value)) value.forEach((v, i) => figuresIn(v, `${path}.${i}`, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.value === "number" && typeof o.unit === "string")
      out.push({ path, value: o.value, source: String(o.source), asOf: String(o.asOf) });
    else
      for (const [k, v] of Object.entries(o))
        if (!(path === "" && LEGACY.has(k)) && !(path === ".performance" && k === "measured"))
          figuresIn(v, `${path}.${k}`, out);
  }
}

describe("catalog page rows", () => {
  const rows = catalogRows();

  it("list every figure of the snapshot", () => {
    const all: { path: string; value: number; source: string; asOf: string }[] = [];
    figuresIn(catalog, "", all);
    expect(all.length).toBeGreaterThan(200);
    for (const f of all) {
      expect(
        rows.some((r) => r.value === f.value && r.source === f.source && r.asOf === f.asOf),
        f.path,
      ).toBe(true);
    }
  });

  it("every row shows value, unit or text, range, grade, source and date", () => {
    for (const r of rows) {
      expect(r.valueText.length, r.id).toBeGreaterThan(0);
      if (r.value !== null && r.low !== null) {
        expect(r.unit.length, r.id).toBeGreaterThan(0);
        expect(r.low, r.id).toBeLessThanOrEqual(r.value);
        expect(r.high!, r.id).toBeGreaterThanOrEqual(r.value);
      }
      expect(["measured", "derived", "assumed"], r.id).toContain(r.grade);
      expect(r.source.length, r.id).toBeGreaterThan(3);
      expect(r.asOf, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.url) expect(r.url, r.id).toMatch(/^https?:\/\//);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("has rows of every kind, prices to sort by, and several providers per hosted model", () => {
    for (const k of ROW_KINDS)
      expect(
        rows.some((r) => r.kind === k),
        k,
      ).toBe(true);
    expect(rows.filter((r) => r.kind === "api-model" && r.priceKey !== undefined)).toHaveLength(
      catalog.apiModels.length,
    );
    for (const m of catalog.hostedMarket.models)
      expect(rows.filter((r) => r.modelId === m.id).length, m.id).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.kind === "compliance").length).toBeGreaterThan(
      catalog.compliance.channels.length * 8 - 1,
    );
  });

  it("no user-facing source cites the seed documents", () => {
    for (const r of rows) expect(`${r.source} ${r.valueText}`, r.id).not.toMatch(/seeds?\//i);
  });
});
