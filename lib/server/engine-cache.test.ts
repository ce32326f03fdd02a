import { describe, expect, it } from "vitest";
import { assessmentInputSchema } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { ByteLru, cacheKey, canonicalJson } from "./engine-cache";
import { DEFAULT_SHAPE } from "./response-shape";

const bytes = (n: number) => ({ byteLength: n });

describe("canonical cache keys", () => {
  it("ignore key order and undefined members at every level, keep array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null, e: undefined } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [2, 1], c: null } }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it("are equal for inputs that parse to the same assessment (defaults spelled out or not)", () => {
    const p = PROFILES.earlyPrototype;
    const spelled = {
      ...p,
      strategy: { ...p.strategy, horizonMonths: assessmentInputSchema.parse(p).strategy.horizonMonths },
      deployment: undefined,
    };
    const key = (input: unknown, over: Partial<Parameters<typeof cacheKey>[0]> = {}) =>
      cacheKey({
        kind: "evaluate",
        catalogVersion: "v1",
        input: assessmentInputSchema.parse(input),
        shape: DEFAULT_SHAPE,
        ...over,
      });
    expect(key(spelled)).toBe(key(p));
    expect(key({ ...p, volume: { ...p.volume, requestsPerDay: p.volume.requestsPerDay + 1 } })).not.toBe(key(p));
    // Everything the bytes depend on is in the key.
    expect(key(p, { catalogVersion: "v2" })).not.toBe(key(p));
    expect(key(p, { kind: "portfolio" })).not.toBe(key(p));
    expect(key(p, { shape: { ...DEFAULT_SHAPE, precision: "full" } })).not.toBe(key(p));
  });
});

describe("ByteLru", () => {
  it("holds at most maxEntries, dropping the least recently used", () => {
    const c = new ByteLru({ maxEntries: 2, maxBytes: 1000 });
    c.set("a", bytes(1));
    c.set("b", bytes(1));
    expect(c.get("a")).toBeDefined(); // a is now the most recent
    c.set("c", bytes(1));
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBeDefined();
    expect(c.get("c")).toBeDefined();
    expect(c.stats().entries).toBe(2);
  });

  it("holds at most maxBytes, and never an entry larger than that", () => {
    const c = new ByteLru({ maxEntries: 100, maxBytes: 10 });
    c.set("a", bytes(4));
    c.set("b", bytes(4));
    c.set("c", bytes(4));
    expect(c.stats().bytes).toBeLessThanOrEqual(10);
    expect(c.get("a")).toBeUndefined();
    c.set("huge", bytes(11));
    expect(c.get("huge")).toBeUndefined();
    c.set("b", bytes(6)); // replacing counts the new size only
    expect(c.stats()).toMatchObject({ bytes: 10, entries: 2 });
  });

  it("stores nothing with a zero bound", () => {
    const c = new ByteLru({ maxEntries: 0, maxBytes: 10 });
    c.set("a", bytes(1));
    expect(c.get("a")).toBeUndefined();
  });
});
