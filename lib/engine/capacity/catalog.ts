import gpusJson from "@/catalog/gpus.json" with { type: "json" };
import openModelsJson from "@/catalog/open-models.json" with { type: "json" };
import performanceJson from "@/catalog/performance.json" with { type: "json" };
import type { GpuHardware, GpusFile } from "@/catalog/schemas/gpus";
import type { OpenModel, OpenModelsFile } from "@/catalog/schemas/open-models";
import type { PerformanceFile } from "@/catalog/schemas/performance";
import type { Catalog, KeyedFigure } from "../catalog";

// THE accessor for the capacity sections of the catalog (catalog/open-models.json, gpus.json,
// performance.json): from the snapshot once the build registers them (catalog.openModels.models,
// catalog.gpus.gpus, catalog.performance), else from the committed files (same data, validated by
// catalog/build.test.ts through their schemas).

export type CapacityCatalog = {
  openModels: OpenModel[];
  gpus: GpuHardware[];
  performance: PerformanceFile;
  /** A keyed latency figure of performance.json (also merged into catalog.figures by the build). */
  figure: (key: keyof PerformanceFile["figures"] & string) => KeyedFigure;
};

const cache = new WeakMap<object, CapacityCatalog>();

export function capacityCatalog(c: Catalog): CapacityCatalog {
  const hit = cache.get(c);
  if (hit) return hit;
  const s = c as unknown as {
    openModels?: unknown;
    gpus?: unknown;
    performance?: unknown;
    figures: Record<string, KeyedFigure | undefined>;
  };
  const om = s.openModels as Partial<OpenModelsFile> | undefined;
  const gp = s.gpus as Partial<GpusFile> | undefined;
  const pf = s.performance as PerformanceFile | undefined;
  const performance = pf && Array.isArray(pf.calibrations) ? pf : (performanceJson as unknown as PerformanceFile);
  const out: CapacityCatalog = {
    openModels: om && Array.isArray(om.models) ? om.models : (openModelsJson as unknown as OpenModelsFile).models,
    gpus: gp && Array.isArray(gp.gpus) ? gp.gpus : (gpusJson as unknown as GpusFile).gpus,
    performance,
    figure: (key) => {
      const f = s.figures[key] ?? performance.figures?.[key];
      if (!f) throw new Error(`catalog has no figure "${key}"`);
      return f;
    },
  };
  cache.set(c, out);
  return out;
}
