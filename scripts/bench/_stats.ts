// Shared timing helpers for the benchmarks in this folder.
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

export async function measure(fn: () => unknown | Promise<unknown>, runs: number, warmup = Math.min(50, runs)) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return {
    runs,
    median: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1] ?? NaN,
  };
}

export function report(label: string, s: { runs: number; median: number; p99: number; max: number }, unit = "ms") {
  const f = (n: number) => n.toFixed(n < 1 ? 3 : 1);
  console.log(
    `${label.padEnd(44)} runs=${s.runs}  median=${f(s.median)} ${unit}  p99=${f(s.p99)} ${unit}  max=${f(s.max)} ${unit}`,
  );
}
