import { catalog } from "@/lib/engine";

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
  { id: "chat", label: "Chat assistant", description: "Conversational turns with some history", inputTokensPerRequest: 1_200, outputTokensPerRequest: 350, cachedInputShare: 0.3, batchShare: 0, peakToAverage: 3 },
  { id: "rag", label: "RAG over documents", description: "Retrieved passages in the prompt, short answers", inputTokensPerRequest: 4_000, outputTokensPerRequest: 400, cachedInputShare: 0.2, batchShare: 0, peakToAverage: 3 },
  { id: "code", label: "Code completion", description: "Editor context in, a few lines out, latency-critical", inputTokensPerRequest: 1_500, outputTokensPerRequest: 60, cachedInputShare: 0.5, batchShare: 0, peakToAverage: 4 },
  { id: "batch", label: "Batch summarisation", description: "Long documents in, summaries out, offline", inputTokensPerRequest: 8_000, outputTokensPerRequest: 500, cachedInputShare: 0, batchShare: 1, peakToAverage: 1 },
];

export function applyPreset<T extends object>(volume: T, preset: VolumePreset): T & Omit<VolumePreset, "id" | "label" | "description"> {
  const { id: _id, label: _label, description: _d, ...figures } = preset;
  return { ...volume, ...figures };
}

export type VolumeBand = "low" | "medium" | "high";

/** The seed's volume bands (under 100k, up to 10M, over 10M tokens/day), read from the catalog. */
export function volumeBand(tokensPerDay: number): VolumeBand {
  const low = catalog.figures["volume.lowBandTokensPerDay"]!.value;
  const high = catalog.figures["volume.highBandTokensPerDay"]!.value;
  return tokensPerDay < low ? "low" : tokensPerDay <= high ? "medium" : "high";
}

export const VOLUME_BAND_TEXT: Record<VolumeBand, string> = {
  low: "Low volume: APIs are almost always cheaper than fixed GPU costs.",
  medium: "The gray zone: the cost comparison decides. Count engineering time, not just GPUs.",
  high: "High volume: self-hosting often pays for its fixed costs, if your team can run it.",
};
