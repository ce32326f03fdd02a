import { describe, expect, it } from "vitest";
import { normalQuantile } from "./distributions";
import { sfc32 } from "./prng";
import { spearman } from "./summary";

describe("seeded random source", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = sfc32(42);
    const b = sfc32(42);
    const c = sfc32(43);
    const xa = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xa);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draws standard normals (mean 0, sd 1, 95% within ±1.96) at a fixed seed", () => {
    const r = sfc32(7);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(Math.abs(xs.filter((x) => Math.abs(x) < 1.959964).length / n - 0.95)).toBeLessThan(0.01);
  });

  it("inverts the normal CDF to published values", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 8);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
  });

  it("ranks with ties at their average (Spearman of a monotone map is 1)", () => {
    const a = [1, 2, 2, 3, 10];
    expect(
      spearman(
        a,
        a.map((x) => x ** 3),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        a,
        a.map((x) => -x),
      ),
    ).toBeCloseTo(-1, 12);
    expect(spearman(a, [5, 5, 5, 5, 5])).toBe(0);
  });
});
