import type { Breakdown, HybridSplit } from "./types";
import type {
  CUSTOMIZATIONS,
  FRONTIER_NEEDS,
  GPU_SOURCES,
  LATENCY_MEASURES,
  LOCK_IN_CONCERNS,
  ML_OPS_MATURITIES,
  Option,
  REGULATIONS,
  SENSITIVITIES,
  TIMES_TO_MARKET,
} from "./enums";
import type { GPU_TERMS } from "./economics/bounds";

// The words users read, in ONE table: option names, headlines and colours, the label of every
// answer the questionnaire offers, factor names and GPU names. The engine's reason texts, the
// questionnaire, the result page, the charts, the landing page, the PDF and the e2e helpers all
// read them here, so a user never meets a raw value such as `timeToMarket` or "quarter".
// Pure data with no runtime imports (it lives in the engine so engine texts can use it without
// reaching into the UI, and any client component can import it without pulling the engine in).

type Labels<T extends readonly string[]> = Record<T[number], string>;

export type OptionDisplay = {
  label: string;
  /** Where room is short (narrow chart axes). */
  shortLabel: string;
  /** The verdict's one-line headline under the option name. */
  headline: string;
  /**
   * Colour (charts, landing accents) plus a dash pattern so the options stay apart in black and white
   * (the PDF). `accent` is the matching Tailwind class for solid marks.
   */
  style: { color: string; dash?: string; accent: string };
};

/** Each option's words and style, one record per option: the UI's display table (an option's engine module is in lib/engine/options). */
export const OPTION_DISPLAY: Record<Option, OptionDisplay> = {
  api: {
    label: "Proprietary API",
    shortLabel: "API",
    headline: "Rent a proprietary model through its API",
    style: { color: "#0284c7", accent: "bg-sky-600" },
  },
  "hosted-open": {
    label: "Hosted open-weights",
    shortLabel: "Hosted",
    headline: "Use an open-weights model at a hosted provider",
    style: { color: "#059669", dash: "8 4", accent: "bg-emerald-600" },
  },
  "self-hosted": {
    label: "Self-hosted",
    shortLabel: "Self-hosted",
    headline: "Run an open-weights model on your own GPUs",
    style: { color: "#7c3aed", dash: "2 3", accent: "bg-violet-600" },
  },
  hybrid: {
    label: "Hybrid",
    shortLabel: "Hybrid",
    headline: "Split traffic between your own GPUs and an API",
    style: { color: "#d97706", dash: "12 3 2 3", accent: "bg-amber-600" },
  },
};

function byOption<T>(pick: (d: OptionDisplay) => T): Record<Option, T> {
  return Object.fromEntries(Object.entries(OPTION_DISPLAY).map(([o, d]) => [o, pick(d)])) as Record<Option, T>;
}

export const OPTION_LABELS: Record<Option, string> = byOption((d) => d.label);
export const optionLabel = (o: Option): string => OPTION_LABELS[o];
/** Where room is short (narrow chart axes). */
export const OPTION_SHORT_LABELS: Record<Option, string> = byOption((d) => d.shortLabel);
/** The verdict's one-line headline under the option name. */
export const OPTION_HEADLINES: Record<Option, string> = byOption((d) => d.headline);
/** Each option's colour and dash pattern (see OptionDisplay.style). */
export const OPTION_STYLE: Record<Option, OptionDisplay["style"]> = byOption((d) => d.style);

/** What the hybrid keeps on your GPUs, by split mode ("Hybrid keeps 40% of traffic on your GPUs (…)"). */
export const HYBRID_SPLIT_LABELS: Record<HybridSplit["mode"], string> = {
  "sensitive-in-house": "the sensitive share",
  "frontier-routing": "routine requests; the hardest go to a frontier API",
  "base-load": "the steady base load; peaks spill to the API",
};

/** Cost items of a month (Evaluation.costs[o].breakdown), as the breakdown chart and tables name them. */
export const COST_ITEM_LABELS: Record<keyof Breakdown, string> = {
  tokens: "Tokens",
  gpus: "GPUs",
  power: "Power",
  colocation: "Colocation",
  maintenance: "Maintenance",
  people: "People",
  overheads: "Overheads",
  fineTuning: "Fine-tuning",
  setup: "Set-up (one-time)",
};

export const LATENCY_MEASURE_LABELS: Labels<typeof LATENCY_MEASURES> = {
  "first-token": "first token (streamed)",
  "full-response": "full response",
};
export const GPU_TERM_LABELS: Labels<typeof GPU_TERMS> = {
  "on-demand": "On demand",
  "reserved-1y": "1-year commitment",
  "reserved-3y": "3-year commitment",
};

export const SENSITIVITY_LABELS: Labels<typeof SENSITIVITIES> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  regulated: "Regulated",
};
export const REGULATION_LABELS: Labels<typeof REGULATIONS> = {
  hipaa: "HIPAA",
  gdpr: "GDPR",
  pci: "PCI DSS",
  soc2: "SOC 2",
  finra: "FINRA",
  fedramp: "FedRAMP",
  itar: "ITAR",
};
export const ML_OPS_LABELS: Labels<typeof ML_OPS_MATURITIES> = {
  none: "None",
  basic: "Basic",
  experienced: "Experienced",
  dedicated: "Dedicated ML platform team",
};
export const FRONTIER_LABELS: Labels<typeof FRONTIER_NEEDS> = {
  required: "Required",
  helpful: "Helpful",
  unnecessary: "Not needed",
};
export const CUSTOMIZATION_LABELS: Labels<typeof CUSTOMIZATIONS> = {
  none: "None",
  prompting: "Prompting",
  "fine-tuning": "Fine-tuning",
  "full-control": "Full control",
};
export const TIME_TO_MARKET_LABELS: Labels<typeof TIMES_TO_MARKET> = {
  weeks: "Weeks",
  quarter: "This quarter",
  flexible: "Flexible",
};
export const LOCK_IN_LABELS: Labels<typeof LOCK_IN_CONCERNS> = { low: "Low", medium: "Medium", high: "High" };
export const GPU_SOURCE_LABELS: Labels<typeof GPU_SOURCES> = {
  "gpu-cloud": "GPU cloud (RunPod, Lambda, Nebius)",
  hyperscaler: "Hyperscaler (AWS, Azure, GCP)",
  owned: "Owned hardware",
};

/** A resolved GPU source (Evaluation.comparison.gpuSource is a plain string) as words. */
export const gpuSourceLabel = (source: string): string =>
  (GPU_SOURCE_LABELS as Record<string, string>)[source] ?? source;

/**
 * The GPU's name as the catalog lists it ("NVIDIA H100 80GB (SXM)"); `auto` is the engine's choice.
 * Pass the catalog's GPU list (`catalog.gpus.gpus`), so this table stays free of data and light to import.
 */
export function gpuLabel(gpu: string, gpus: readonly { id: string; label: string }[]): string {
  if (gpu === "auto") return "Let RentOrOwn choose";
  return gpus.find((g) => g.id === gpu)?.label ?? gpu.toUpperCase();
}

/** Scoring factors and rule kinds as users read them on the result page and in the PDF. */
export const FACTOR_LABELS: Record<string, string> = {
  cost: "Cost",
  team: "Team",
  frontier: "Frontier quality",
  sensitivity: "Data sensitivity",
  volume: "Volume",
  timeToMarket: "Time to market",
  latency: "Latency",
  customization: "Customization",
  lockIn: "Lock-in",
  compliance: "Compliance",
  capacity: "Capacity",
  override: "Your figure",
  latencyMiss: "Latency target missed",
  rule: "Hard rule",
};

/** A hard-rule reason (an exclusion), whichever way the engine marks it (`kind: "rule"` or a `rule:` id). */
export const isHardRule = (r: { factor: string; kind?: string }): boolean =>
  r.kind === "rule" || r.factor.startsWith("rule:");

/** A reason's factor as a name: a listed one, hard rules as "Hard rule", anything new split into words. */
export function factorLabel(r: string | { factor: string; kind?: string }): string {
  const reason = typeof r === "string" ? { factor: r } : r;
  if (isHardRule(reason)) return FACTOR_LABELS.rule!;
  const known = FACTOR_LABELS[reason.factor];
  if (known) return known;
  const words = reason.factor
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_:.]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
