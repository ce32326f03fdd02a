import type { VolumeBands } from "./form-facts";

// Workload presets: typical token counts per call the user can then edit.
// Shapes follow the research notes' workload families (silybench chat / prefill-heavy /
// decode-heavy / long-context, research §2.4a) and common product patterns.
export type VolumePreset = {
  id: string;
  label: string;
  description: string;
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
  cachedInputShare: number;
  batchShare: number;
  peakToAverage: number;
};

export const VOLUME_PRESETS: VolumePreset[] = [
  {
    id: "chat",
    label: "Chat assistant",
    description: "Conversational turns with some history",
    inputTokensPerRequest: 1_200,
    outputTokensPerRequest: 350,
    cachedInputShare: 0.3,
    batchShare: 0,
    peakToAverage: 3,
  },
  {
    id: "rag",
    label: "RAG over documents",
    description: "Retrieved passages in the prompt, short answers",
    inputTokensPerRequest: 4_000,
    outputTokensPerRequest: 400,
    cachedInputShare: 0.2,
    batchShare: 0,
    peakToAverage: 3,
  },
  {
    id: "code",
    label: "Code completion",
    description: "Editor context in, a few lines out, latency-critical",
    inputTokensPerRequest: 1_500,
    outputTokensPerRequest: 60,
    cachedInputShare: 0.5,
    batchShare: 0,
    peakToAverage: 4,
  },
  {
    id: "batch",
    label: "Batch summarisation",
    description: "Long documents in, summaries out, offline",
    inputTokensPerRequest: 8_000,
    outputTokensPerRequest: 500,
    cachedInputShare: 0,
    batchShare: 1,
    peakToAverage: 1,
  },
];

export function applyPreset<T extends object>(
  volume: T,
  preset: VolumePreset,
): T & Omit<VolumePreset, "id" | "label" | "description"> {
  const { id: _id, label: _label, description: _d, ...figures } = preset;
  return { ...volume, ...figures };
}

export type VolumeBand = "low" | "medium" | "high";

/** The seed's volume bands (under 100k, up to 10M, over 10M tokens/day), the catalog's (`formFacts(catalog).volume`). */
export function volumeBand(tokensPerDay: number, bands: VolumeBands): VolumeBand {
  const low = bands.lowBandTokensPerDay;
  const high = bands.highBandTokensPerDay;
  return tokensPerDay < low ? "low" : tokensPerDay <= high ? "medium" : "high";
}

export const VOLUME_BAND_TEXT: Record<VolumeBand, string> = {
  low: "Low volume: APIs are almost always cheaper than fixed GPU costs.",
  medium: "The gray zone: the cost comparison decides. Count engineering time, not just GPUs.",
  high: "High volume: self-hosting often pays for its fixed costs, if your team can run it.",
};

/**
 * Whether the share of traffic carrying the sensitive data matters: prompts must stay in house, or the
 * data is regulated under a regime that needs a covering contract (the engine's `needsCompliance`:
 * any regulation but SOC 2 alone, or regulated data). The engine then keeps exactly that share in
 * house when no API channel covers it.
 */
export function sensitiveShareApplies(data: {
  sensitivity?: string;
  regulations?: readonly string[];
  mustStayInHouse?: boolean;
}): boolean {
  const regs = data.regulations ?? [];
  return (
    Boolean(data.mustStayInHouse) ||
    (regs.length > 0 && (data.sensitivity === "regulated" || regs.some((r) => r !== "soc2")))
  );
}

// Whole-workload presets for the portfolio ("Add a workload"): every per-workload answer filled with a
// typical starting point the user then edits. Token shapes are VOLUME_PRESETS' (research §2.4a); latency
// targets are lib/assessment/latency.ts's (research §3.2); volumes are round illustrative figures.
export type WorkloadPreset = {
  id: "assistant" | "rag" | "code" | "batch" | "voice";
  label: string;
  name: string;
  description: string;
  volume: {
    requestsPerDay: number;
    inputTokensPerRequest: number;
    outputTokensPerRequest: number;
    monthlyGrowthPct: number;
    peakToAverage: number;
    cachedInputShare: number;
    batchShare: number;
  };
  data: { sensitivity: "public" | "internal" | "confidential" | "regulated" };
  latency: { p95TargetMs: number; measure: "first-token" | "full-response" };
  capability: {
    frontier: "required" | "helpful" | "unnecessary";
    customization: "none" | "prompting" | "fine-tuning" | "full-control";
  };
};

const shape = (id: string) => {
  const { id: _i, label: _l, description: _d, ...figures } = VOLUME_PRESETS.find((p) => p.id === id)!;
  return figures;
};

export const WORKLOAD_PRESETS: readonly WorkloadPreset[] = [
  {
    id: "assistant",
    label: "Employee assistant",
    name: "Employee assistant",
    description: "Chat over internal knowledge, office hours peaks",
    volume: { requestsPerDay: 20_000, monthlyGrowthPct: 3, ...shape("chat") },
    data: { sensitivity: "internal" },
    latency: { p95TargetMs: 1_000, measure: "first-token" },
    capability: { frontier: "helpful", customization: "prompting" },
  },
  {
    id: "rag",
    label: "RAG over documents",
    name: "Document Q&A",
    description: "Retrieved passages in, short cited answers out",
    volume: { requestsPerDay: 10_000, monthlyGrowthPct: 3, ...shape("rag") },
    data: { sensitivity: "confidential" },
    latency: { p95TargetMs: 2_000, measure: "first-token" },
    capability: { frontier: "helpful", customization: "prompting" },
  },
  {
    id: "code",
    label: "Code completion",
    name: "Code completion",
    description: "Inline suggestions in the IDE, latency-critical",
    volume: { requestsPerDay: 200_000, monthlyGrowthPct: 2, ...shape("code") },
    data: { sensitivity: "internal" },
    latency: { p95TargetMs: 300, measure: "full-response" },
    capability: { frontier: "unnecessary", customization: "fine-tuning" },
  },
  {
    id: "batch",
    label: "Batch documents",
    name: "Document pipeline",
    description: "Long documents summarised or extracted overnight",
    volume: { requestsPerDay: 5_000, monthlyGrowthPct: 2, ...shape("batch") },
    data: { sensitivity: "confidential" },
    latency: { p95TargetMs: 60_000, measure: "full-response" },
    capability: { frontier: "unnecessary", customization: "prompting" },
  },
  {
    id: "voice",
    label: "Voice agent",
    name: "Voice agent",
    description: "Spoken support calls: short turns, fast first word",
    volume: {
      requestsPerDay: 30_000,
      monthlyGrowthPct: 3,
      inputTokensPerRequest: 800,
      outputTokensPerRequest: 120,
      cachedInputShare: 0.4,
      batchShare: 0,
      peakToAverage: 3,
    },
    data: { sensitivity: "confidential" },
    latency: { p95TargetMs: 1_000, measure: "full-response" },
    capability: { frontier: "helpful", customization: "prompting" },
  },
];
