import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// No import cycles in lib/engine, type-only imports included: eslint's import-x/no-cycle (eslint.config.mjs) guards
// the runtime graph but skips `import type`; this walks every import so a reader can follow the engine one way.
const ROOT = path.resolve(__dirname, "../..");
const ENGINE = path.join(ROOT, "lib/engine");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^;]*?\s+from\s+)?["']([^"']+)["']/g;

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

function engineSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? engineSources(p) : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** The import graph reachable from the engine's sources (files outside lib/engine included, so a cycle through them counts). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const todo = engineSources(ENGINE);
  while (todo.length) {
    const file = todo.pop()!;
    if (graph.has(file)) continue;
    const deps = [...fs.readFileSync(file, "utf8").matchAll(IMPORT)]
      .map((m) => resolveImport(file, m[1]!))
      .filter((d): d is string => d !== null);
    graph.set(file, [...new Set(deps)]);
    todo.push(...deps);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v))
        out.push(component.map((f) => path.relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("lib/engine import graph", () => {
  it("has no cycles, type-only imports included", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(40);
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(graph).map((c) => c.length)).toEqual([3]);
  });
});
