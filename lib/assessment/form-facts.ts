import type { Catalog } from "@/lib/engine/catalog";
import { figureOf } from "@/lib/engine/catalog";
import { GPUS } from "@/lib/engine/enums";
import { gpuLabel } from "@/lib/engine/vocabulary";

// The few catalog figures and names the questionnaire shows, read on the server (app/assess/page.tsx)
// and passed down as a prop, so the form's first load does not download the catalog snapshot.
// Client code imports only the types of this file.

export type LatencyThresholds = { instantMs: number; apiComfortableMs: number; apiRoundTripMs: number };
export type VolumeBands = { lowBandTokensPerDay: number; highBandTokensPerDay: number };
export type ApiModelChoice = { id: string; label: string; default: boolean };
export type FormFacts = {
  latency: LatencyThresholds;
  volume: VolumeBands;
  gpuLabels: Record<string, string>;
  /** The proprietary models the user may price instead of the tier default, by quality tier. */
  apiModels: Record<"frontier" | "mid" | "small", ApiModelChoice[]>;
};

export function formFacts(c: Catalog): FormFacts {
  const v = (k: Parameters<typeof figureOf>[1]) => figureOf(c, k).value;
  return {
    latency: {
      instantMs: v("latency.instantMs"),
      apiComfortableMs: v("latency.apiComfortableMs"),
      apiRoundTripMs: v("latency.apiRoundTripMs"),
    },
    volume: {
      lowBandTokensPerDay: v("volume.lowBandTokensPerDay"),
      highBandTokensPerDay: v("volume.highBandTokensPerDay"),
    },
    gpuLabels: Object.fromEntries(GPUS.map((g) => [g, gpuLabel(g, c.gpus.gpus)])),
    apiModels: {
      frontier: apiModelsOf(c, "frontier"),
      mid: apiModelsOf(c, "mid"),
      small: apiModelsOf(c, "small"),
    },
  };
}

const apiModelsOf = (c: Catalog, tier: "frontier" | "mid" | "small"): ApiModelChoice[] =>
  c.apiModels.filter((m) => m.tier === tier).map((m) => ({ id: m.id, label: m.label, default: !!m.default }));
