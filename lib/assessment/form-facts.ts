import type { Catalog } from "@/lib/engine/catalog";
import { figureOf } from "@/lib/engine/catalog";
import { GPUS } from "@/lib/engine/enums";
import { gpuLabel } from "@/lib/engine/vocabulary";

// The few catalog figures and names the questionnaire shows, read on the server (app/assess/page.tsx)
// and passed down as a prop, so the form's first load does not download the catalog snapshot.
// Client code imports only the types of this file.

export type LatencyThresholds = { instantMs: number; apiComfortableMs: number; apiRoundTripMs: number };
export type VolumeBands = { lowBandTokensPerDay: number; highBandTokensPerDay: number };
export type FormFacts = { latency: LatencyThresholds; volume: VolumeBands; gpuLabels: Record<string, string> };

export function formFacts(c: Catalog): FormFacts {
  const v = (k: Parameters<typeof figureOf>[1]) => figureOf(c, k).value;
  return {
    latency: { instantMs: v("latency.instantMs"), apiComfortableMs: v("latency.apiComfortableMs"), apiRoundTripMs: v("latency.apiRoundTripMs") },
    volume: { lowBandTokensPerDay: v("volume.lowBandTokensPerDay"), highBandTokensPerDay: v("volume.highBandTokensPerDay") },
    gpuLabels: Object.fromEntries(GPUS.map((g) => [g, gpuLabel(g, c.gpus.gpus)])),
  };
}
