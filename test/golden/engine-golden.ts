// The engine's golden outputs: every profile in test/fixtures, every examples/*.json, a fixed-seed sample of
// random inputs, a few overrides per profile, and portfolios (the portfolio examples and random ones). `npm test` compares the committed file
// exactly (engine-golden.test.ts); `npm run golden:update` rewrites it after an intended change.
//
// The full JSON of all 217 evaluations is ~13 MB, too big to commit, so each line of the golden file holds an
// entry's SHA-256 of its full JSON (exactness), a summary (what changed, readable in a git diff) and, for the
// examples only, the full evaluation (a field-level diff where it matters most).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { evaluate, evaluatePortfolio, type PortfolioInput } from "@/lib/engine";
import type { AssessmentInput } from "@/lib/engine/schema";
import { companyAnswersArb, inputArb, workloadAnswersArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const GOLDEN_PATH = path.join(ROOT, "test/golden/engine.golden.jsonl");
export const GOLDEN_RANDOM_SEED = 1313;
export const GOLDEN_RANDOM_RUNS = 120;
export const GOLDEN_RANDOM_PORTFOLIOS = 12;

/** 2–4 workloads with the portfolio tests' bounds (portfolio.test.ts), company answers from the shared fixture. */
const workloadArb = workloadAnswersArb({
  requestsPerDay: 2e7,
  inputTokens: 100_000,
  outputTokens: 8_000,
  growthPct: 15,
  peakToAverage: 8,
  regulations: 2,
});
const portfolioArb: fc.Arbitrary<PortfolioInput> = fc
  .integer({ min: 2, max: 4 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({ id: fc.constant(`w${i}`), name: fc.constant(`Workload ${i}`), ...workloadArb }),
        ),
      ),
      fc.record(companyAnswersArb),
    ),
  )
  .map(([workloads, company]) => ({ workloads, ...company }) as PortfolioInput);

/** The inputs, named, in a fixed order. */
export function goldenInputs(randomRuns = GOLDEN_RANDOM_RUNS): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(PROFILES)) out.push([`profile:${k}`, v]);
  const examples = path.join(ROOT, "examples");
  for (const f of fs
    .readdirSync(examples)
    .filter((x) => x.endsWith(".json") && !x.includes("portfolio"))
    .sort())
    out.push([`example:${f}`, JSON.parse(fs.readFileSync(path.join(examples, f), "utf8"))]);
  fc.sample(inputArb, { seed: GOLDEN_RANDOM_SEED, numRuns: randomRuns }).forEach((x, i) =>
    out.push([`random:${i}`, x]),
  );
  // Overrides: flat GPU rate, API price, throughput, utilization, owned server price, frontier share.
  const profiles = PROFILES as Record<string, AssessmentInput>;
  const withAssumptions = (
    name: string,
    base: AssessmentInput,
    a: Record<string, number>,
    extra: Partial<AssessmentInput> = {},
  ) => out.push([`override:${name}`, { ...base, ...extra, assumptions: { ...(base.assumptions ?? {}), ...a } }]);
  for (const [k, b] of Object.entries(profiles)) {
    withAssumptions(`${k}:gpu`, b, { "gpu.usdPerHour": 3.1 });
    withAssumptions(`${k}:api`, b, { "api.outputUsdPerMTok": 4, "api.inputUsdPerMTok": 1 });
    withAssumptions(`${k}:tput`, b, {
      "selfHosted.tokensPerSecondPerReplica": 2500,
      "selfHosted.targetUtilization": 0.5,
    });
    withAssumptions(
      `${k}:owned`,
      b,
      { "owned.serverPriceUsd": 250000 },
      { deployment: { ...(b.deployment ?? {}), gpuSource: "owned" } as AssessmentInput["deployment"] },
    );
    withAssumptions(
      `${k}:frontier`,
      b,
      { "hybrid.frontierRoutedShare": 0.3 },
      { capability: { ...b.capability, frontier: "required" } },
    );
  }
  // Portfolios (evaluatePortfolio): the examples and a fixed-seed sample.
  for (const f of fs
    .readdirSync(examples)
    .filter((x) => x.endsWith(".json") && x.includes("portfolio"))
    .sort())
    out.push([`portfolio:${f}`, JSON.parse(fs.readFileSync(path.join(examples, f), "utf8"))]);
  fc.sample(portfolioArb, { seed: GOLDEN_RANDOM_SEED, numRuns: GOLDEN_RANDOM_PORTFOLIOS }).forEach((x, i) =>
    out.push([`portfolio:random:${i}`, x]),
  );
  return out;
}

const isPortfolio = (name: string) => name.startsWith("portfolio:");

/** The full JSON of one evaluation (or of the error it throws). */
export function goldenJson(name: string, input: unknown): string {
  try {
    return JSON.stringify(
      isPortfolio(name) ? evaluatePortfolio(input as PortfolioInput) : evaluate(input as AssessmentInput),
    );
  } catch (e) {
    return JSON.stringify({ error: String(e) });
  }
}

export type GoldenSummary = {
  recommendation: string;
  confidence: number;
  tcoUsd: Record<string, number | null>;
  excluded: string[];
  whatWouldChange: number;
};

export type PortfolioSummary = { tcoUsd: number; placements: string[]; costPremiumUsd: number };

export type GoldenEntry = {
  name: string;
  sha256: string;
  summary: GoldenSummary | PortfolioSummary | { error: string };
  full?: unknown;
};

type EvaluationLike = {
  recommendation: string;
  confidence: number;
  costs: Record<string, { tcoUsd: number | null } | undefined>;
  ranking: { option: string; excluded: boolean }[];
  whatWouldChange: unknown[];
};

type PortfolioLike = { plan: { tcoUsd: number }; workloads: { placement: string }[]; costPremiumUsd: number };

function summaryOf(parsed: EvaluationLike | PortfolioLike | { error: string }): GoldenEntry["summary"] {
  if ("error" in parsed) return { error: parsed.error };
  if ("plan" in parsed)
    return {
      tcoUsd: parsed.plan.tcoUsd,
      placements: parsed.workloads.map((w) => w.placement),
      costPremiumUsd: parsed.costPremiumUsd,
    };
  return {
    recommendation: parsed.recommendation,
    confidence: parsed.confidence,
    tcoUsd: Object.fromEntries(Object.entries(parsed.costs).map(([option, c]) => [option, c?.tcoUsd ?? null])),
    excluded: parsed.ranking.filter((r) => r.excluded).map((r) => r.option),
    whatWouldChange: parsed.whatWouldChange.length,
  };
}

/** Entries whose full evaluation is committed (the examples: what users see first). */
export const keepsFull = (name: string) => name.startsWith("example:");

export function goldenEntry(name: string, input: unknown): GoldenEntry {
  const json = goldenJson(name, input);
  const parsed = JSON.parse(json) as EvaluationLike | PortfolioLike | { error: string };
  const entry: GoldenEntry = {
    name,
    sha256: createHash("sha256").update(json).digest("hex"),
    summary: summaryOf(parsed),
  };
  if (keepsFull(name)) entry.full = parsed;
  return entry;
}

export function computeGolden(): GoldenEntry[] {
  return goldenInputs().map(([name, input]) => goldenEntry(name, input));
}

export function serializeGolden(entries: GoldenEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join("\n") + "\n";
}

export function readGolden(file = GOLDEN_PATH): GoldenEntry[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldenEntry);
}

/** Paths where two JSON values differ (numbers compared exactly), at most `max`. */
export function jsonDiff(a: unknown, b: unknown, at = "", out: string[] = [], max = 8): string[] {
  if (out.length >= max) return out;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out, max);
    return out;
  }
  if (a !== b) out.push(`${at}: ${JSON.stringify(a)?.slice(0, 160)} → ${JSON.stringify(b)?.slice(0, 160)}`);
  return out;
}
