import {
  CUSTOMIZATION_LABELS,
  FRONTIER_LABELS,
  GPU_SOURCE_LABELS,
  GPU_TERM_LABELS,
  LATENCY_MEASURE_LABELS,
  LOCK_IN_LABELS,
  ML_OPS_LABELS,
  REGULATION_LABELS,
  SENSITIVITY_LABELS,
  TIME_TO_MARKET_LABELS,
} from "@/lib/engine/vocabulary";
import { formatNumber } from "@/lib/format";

// The questionnaire's words for an answer's path and value, for pages that list changed answers
// (compare revisions): "latency.p95TargetMs" reads "Latency target (p95)", "regulated" reads "Regulated".

type Field = { label: string; unit?: string; values?: Record<string, string>; share?: boolean };

const FIELDS: Record<string, Field> = {
  "volume.requestsPerDay": { label: "Requests per day" },
  "volume.inputTokensPerRequest": { label: "Prompt tokens per request", unit: "tokens" },
  "volume.outputTokensPerRequest": { label: "Output tokens per request", unit: "tokens" },
  "volume.monthlyGrowthPct": { label: "Monthly growth", unit: "% a month" },
  "volume.peakToAverage": { label: "Peak ÷ average traffic", unit: "×" },
  "volume.cachedInputShare": { label: "Prompt served from cache", share: true },
  "volume.batchShare": { label: "Traffic that can wait (batch)", share: true },
  "data.sensitivity": { label: "Most sensitive data", values: SENSITIVITY_LABELS },
  "data.regulations": { label: "Regulations", values: REGULATION_LABELS },
  "data.mustStayInHouse": { label: "Prompts must stay in house" },
  "data.sensitiveShare": { label: "Share of traffic carrying that data", share: true },
  "team.mlOpsMaturity": { label: "ML-ops experience", values: ML_OPS_LABELS },
  "latency.p95TargetMs": { label: "Latency target (p95)", unit: "ms" },
  "latency.measure": { label: "What the latency target times", values: LATENCY_MEASURE_LABELS },
  "capability.frontier": { label: "Frontier quality", values: FRONTIER_LABELS },
  "capability.customization": { label: "Customization", values: CUSTOMIZATION_LABELS },
  "capability.apiModel": { label: "Proprietary model priced" },
  "deployment.offline": { label: "Must run offline" },
  "deployment.gpu": { label: "GPU" },
  "deployment.openModel": { label: "Open-weights model" },
  "deployment.gpuSource": { label: "Where the GPUs come from", values: GPU_SOURCE_LABELS },
  "deployment.gpuTerm": { label: "GPU term", values: GPU_TERM_LABELS },
  "strategy.timeToMarket": { label: "Must ship", values: TIME_TO_MARKET_LABELS },
  "strategy.lockInConcern": { label: "Lock-in concern", values: LOCK_IN_LABELS },
  "strategy.horizonMonths": { label: "Planning horizon", unit: "months" },
  "overrideModels.api": { label: "Model your API prices were set on" },
  "overrideModels.hostedOpen": { label: "Model your hosted prices were set on" },
};

/** Price figures by name, for lists that carry only the key (the compare page's override changes). */
const PRICE_LABELS: Record<string, string> = {
  "api.inputUsdPerMTok": "API input price",
  "api.cachedInputUsdPerMTok": "API cached input price",
  "api.outputUsdPerMTok": "API output price",
  "hostedOpen.inputUsdPerMTok": "Hosted input price",
  "hostedOpen.outputUsdPerMTok": "Hosted output price",
};

/** Where a path points: a portfolio workload prefix, then the field (an assumption's key under "assumptions."). */
function split(path: string): { workload?: string; field: string } {
  const m = /^workloads\.([^.]+)\.(.+)$/.exec(path);
  return m ? { workload: m[1], field: m[2]! } : { field: path };
}

/** "latency.p95TargetMs" → "Latency target (p95)"; "assumptions.gpu.usdPerHour" → the assumption's own label. */
export function answerLabel(path: string, assumptionLabels: Record<string, string> = {}): string {
  const { workload, field } = split(path);
  const name = field.startsWith("assumptions.")
    ? `Your figure: ${assumptionLabels[field.slice("assumptions.".length)] ?? PRICE_LABELS[field.slice("assumptions.".length)] ?? humanise(field.slice("assumptions.".length))}`
    : (FIELDS[field]?.label ?? humanise(field));
  return workload ? `Workload “${workload}” › ${name}` : name;
}

/** An answer's value in the form's words, with its unit. */
export function answerValue(path: string, value: unknown, assumptionUnits: Record<string, string> = {}): string {
  if (value === undefined || value === null || value === "") return "—";
  const { field } = split(path);
  const f = FIELDS[field];
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") {
    if (f?.share) return `${formatNumber(value * 100, 1)}%`;
    const unit =
      f?.unit ?? (field.startsWith("assumptions.") ? assumptionUnits[field.slice("assumptions.".length)] : undefined);
    return unit
      ? `${formatNumber(value, 4)}${unit.startsWith("×") || unit.startsWith("%") ? "" : " "}${unit}`
      : formatNumber(value, 4);
  }
  const text = String(value);
  if (f?.values)
    return text
      .split(", ")
      .map((v) => f.values![v] ?? v)
      .join(", ");
  return text;
}

/** Last resort for a path no table names: "fooBar.bazQux" → "Foo bar › Baz qux". */
function humanise(path: string): string {
  return path
    .split(".")
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase())
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" › ");
}
