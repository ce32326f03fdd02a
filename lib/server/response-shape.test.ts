import { describe, expect, it } from "vitest";
import { evaluate, evaluatePortfolio } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { distinctPortfolios } from "@/test/fixtures/distinct-inputs";
import {
  DEFAULT_FIELDS,
  EVALUATION_FIELDS,
  pickFields,
  portfolioShapeQuerySchema,
  PORTFOLIO_DEFAULT_FIELDS,
  roundNumber,
  shapePortfolio,
  shapeQuerySchema,
  toJson,
} from "./response-shape";

describe("?include= and ?precision=", () => {
  it("defaults to the contract's fields, rounded", () => {
    expect(shapeQuerySchema.parse({})).toEqual({ fields: DEFAULT_FIELDS, precision: "rounded" });
    for (const f of [
      "recommendation",
      "confidence",
      "ranking",
      "reasons",
      "conflicts",
      "costs",
      "breakEven",
      "sensitivity",
      "catalogVersion",
      "costPremiumUsd",
      "whatWouldChange",
      "comparison",
    ])
      expect(DEFAULT_FIELDS).toContain(f);
    for (const f of ["assumptions", "capacity", "volumeCurve", "economics"]) expect(DEFAULT_FIELDS).not.toContain(f);
  });

  it("resolves names, default and all to one canonical field list, with the verdict and catalog always in", () => {
    expect(shapeQuerySchema.parse({ include: "volumeCurve, costs" }).fields).toEqual([
      "recommendation",
      "costs",
      "catalogVersion",
      "volumeCurve",
    ]);
    expect(shapeQuerySchema.parse({ include: "all", precision: "full" })).toEqual({
      fields: EVALUATION_FIELDS.filter((f) => f !== "uncertainty"),
      precision: "full",
    });
    const same = [
      shapeQuerySchema.parse({ include: "capacity,default" }),
      shapeQuerySchema.parse({ include: "default,capacity,capacity" }),
    ];
    expect(same[0]).toEqual(same[1]);
  });

  it("gives a portfolio's standalone evaluations exactly the contract's named fields by default", () => {
    expect(portfolioShapeQuerySchema.parse({}).fields).toEqual(PORTFOLIO_DEFAULT_FIELDS);
    expect(portfolioShapeQuerySchema.parse({ include: "default" }).fields).toEqual(PORTFOLIO_DEFAULT_FIELDS);
    expect(portfolioShapeQuerySchema.parse({ include: "all" }).fields).toEqual(
      shapeQuerySchema.parse({ include: "all" }).fields,
    );
    for (const f of PORTFOLIO_DEFAULT_FIELDS) expect(DEFAULT_FIELDS).toContain(f);
  });

  it("rejects unknown names and precisions with a zod issue", () => {
    expect(shapeQuerySchema.safeParse({ include: "costs,password" }).success).toBe(false);
    expect(shapeQuerySchema.safeParse({ precision: "exact" }).success).toBe(false);
  });

  it("picks the named fields and leaves the rest out", () => {
    const e = evaluate(PROFILES.hospitalPatientData);
    const picked = pickFields(e, ["recommendation", "costs"]);
    expect(Object.keys(picked)).toEqual(["recommendation", "costs"]);
    expect(picked.costs).toBe(e.costs);
  });

  it("cuts only the portfolio's standalone evaluations, never the plan", () => {
    const p = evaluatePortfolio(distinctPortfolios(1)[0]!);
    const lean = shapePortfolio(p, DEFAULT_FIELDS);
    expect(lean.plan).toBe(p.plan);
    expect(lean.alternatives).toBe(p.alternatives);
    lean.workloads.forEach((w, i) => {
      expect(Object.keys(w.standalone).sort()).toEqual([...DEFAULT_FIELDS].sort());
      expect(w.placement).toBe(p.workloads[i]!.placement);
    });
  });
});

describe("rounding", () => {
  it("keeps cents for amounts of 1 or more and 4 significant digits below, integers untouched", () => {
    expect(roundNumber(123456.789123)).toBe(123456.79);
    expect(roundNumber(-2.345678)).toBe(-2.35);
    expect(roundNumber(0.123456789)).toBe(0.1235);
    expect(roundNumber(0.000012345678)).toBe(0.00001235);
    expect(roundNumber(36)).toBe(36);
    expect(roundNumber(0)).toBe(0);
  });

  it("rounds every number of an evaluation and nothing else, and shrinks it", () => {
    const e = evaluate(PROFILES.sensitiveSliceHybrid);
    const rounded = JSON.parse(toJson(e, "rounded"));
    expect(rounded.recommendation).toBe(e.recommendation);
    expect(rounded.reasons.map((r: { text: string }) => r.text)).toEqual(e.reasons.map((r) => r.text));
    expect(rounded.costs.api.tcoUsd).toBeCloseTo(e.costs.api.tcoUsd, 2);
    expect(rounded.confidence).toBeCloseTo(e.confidence, 3);
    expect(toJson(e, "rounded").length).toBeLessThan(toJson(e, "full").length);
    expect(toJson(e, "full")).toBe(JSON.stringify(e));
  });
});
