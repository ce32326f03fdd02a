import { createHash } from "node:crypto";

// Repeat work not repeated: identical canonical requests within one catalog version answer from here.
// In process (one per server process): a cached answer is a few tens of kB of bytes and an evaluation
// 5–100 ms of CPU, so a round trip to a shared store would save little over recomputing on a cold
// instance. Bounded by entries and by bytes; least recently used first out.

/**
 * JSON with object keys sorted at every level (arrays keep their order: the engine's output follows
 * it, so reordered arrays are different questions). Equal for inputs that differ only in key order,
 * whitespace or, once parsed by the schema, in defaults spelled out or left out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/** The cache key: a hash of everything the response bytes depend on. */
export function cacheKey(parts: { kind: string; catalogVersion: string; input: unknown; shape: unknown }): string {
  return createHash("sha256")
    .update(`${parts.kind}\n${parts.catalogVersion}\n${canonicalJson(parts.shape)}\n${canonicalJson(parts.input)}`)
    .digest("base64url");
}

export type CacheLimits = { maxEntries: number; maxBytes: number };

export class ByteLru<V extends { byteLength: number }> {
  private readonly map = new Map<string, V>();
  private size = 0;
  constructor(private readonly limits: CacheLimits) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    // Re-inserted: Map keeps insertion order, so the first key is always the least recently used.
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    if (value.byteLength > this.limits.maxBytes || this.limits.maxEntries <= 0) return;
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.size -= old.byteLength;
    }
    this.map.set(key, value);
    this.size += value.byteLength;
    for (const [k, v] of this.map) {
      if (this.map.size <= this.limits.maxEntries && this.size <= this.limits.maxBytes) break;
      this.map.delete(k);
      this.size -= v.byteLength;
    }
  }

  stats() {
    return { entries: this.map.size, bytes: this.size, ...this.limits };
  }

  clear() {
    this.map.clear();
    this.size = 0;
  }
}
