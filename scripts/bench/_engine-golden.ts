// Not a benchmark (the leading _ keeps `npm run bench` from running it): a full-JSON diff for engine work.
// The committed, CI-checked golden is test/golden (`npm run golden:update`); this writes every evaluation in full.
// Golden check for engine speed work: evaluates every profile in test/fixtures, every examples/*.json
// (not portfolios) and a fixed-seed sample of random inputs, and writes the full JSON of each
// Evaluation to the file given (one line per input). `compare` mode diffs two such files exactly,
// then to 1e-9 relative for numbers.
//   npx tsx scripts/bench/_engine-golden.ts write /tmp/perf-golden/base.jsonl
//   npx tsx scripts/bench/_engine-golden.ts compare /tmp/perf-golden/base.jsonl /tmp/perf-golden/new.jsonl
import fs from "node:fs";
import { GOLDEN_RANDOM_RUNS, goldenInputs, goldenJson } from "../../test/golden/engine-golden";

const inputs = () => goldenInputs(Number(process.env.GOLDEN_RANDOM ?? GOLDEN_RANDOM_RUNS));

const mode = process.argv[2];
if (mode === "write") {
  const lines: string[] = [];
  for (const [name, input] of inputs()) {
    lines.push(JSON.stringify(name) + "\t" + goldenJson(name, input));
  }
  fs.writeFileSync(process.argv[3]!, lines.join("\n") + "\n");
  console.log(`wrote ${lines.length} evaluations to ${process.argv[3]}`);
} else if (mode === "compare") {
  const read = (f: string) =>
    fs
      .readFileSync(f, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split("\t") as [string, string]);
  const a = read(process.argv[3]!);
  const b = read(process.argv[4]!);
  let exact = 0;
  let close = 0;
  const bad: string[] = [];
  const diff = (x: unknown, y: unknown, path: string, out: string[]) => {
    if (out.length > 5) return;
    if (typeof x === "number" && typeof y === "number") {
      if (x !== y && !(Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)))) out.push(`${path}: ${x} vs ${y}`);
      return;
    }
    if (x && y && typeof x === "object" && typeof y === "object") {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys)
        diff((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`, out);
      return;
    }
    if (x !== y) out.push(`${path}: ${JSON.stringify(x)?.slice(0, 200)} vs ${JSON.stringify(y)?.slice(0, 200)}`);
  };
  if (a.length !== b.length) bad.push(`count ${a.length} vs ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [na, ja] = a[i]!;
    const [nb, jb] = b[i]!;
    if (na !== nb) bad.push(`name ${na} vs ${nb}`);
    if (ja === jb) {
      exact++;
      continue;
    }
    const out: string[] = [];
    diff(JSON.parse(ja), JSON.parse(jb), "", out);
    if (out.length) bad.push(`${na}:\n    ${out.join("\n    ")}`);
    else close++;
  }
  console.log(`exact ${exact}, within 1e-9 ${close}, differing ${bad.length}`);
  for (const x of bad.slice(0, 20)) console.log("  " + x);
  process.exit(bad.length ? 1 : 0);
}
