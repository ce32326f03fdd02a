// Registry of catalog files: `catalog/<name>.json` is validated by the schema registered under
// <name> and lands in the snapshot as `snapshot[camelCase(name)]` (e.g. "gpu-market" → gpuMarket).
// A file's top-level `figures` record (keyed figures, see catalog/schema.ts) is merged into the one
// `snapshot.figures` map instead, read with `figureOf(catalog, key)` from lib/engine/catalog.
// The build fails on a catalog/*.json without a schema here, on a schema without its file, on a
// section name that collides with another, and on a figure key defined twice.
//
// Data owners: write catalog/schemas/<name>.ts (compose from catalog/schema.ts: figure(), evidence(),
// figureRecordSchema) and add ONE line below.
import { economicsSchema } from "./economics";
import { apiModelsFileSchema } from "./api-models";
import { complianceFileSchema } from "./compliance";
import { hostedProvidersFileSchema } from "./hosted-providers";
import { figuresFileSchema } from "./figures";
import { gpuMarketSchema } from "./gpu-market";
import { gpusFileSchema } from "./gpus";
import { openModelsFileSchema } from "./open-models";
import { performanceFileSchema } from "./performance";
import { uncertaintySchema } from "./uncertainty";

export const CATALOG_FILES = {
  figures: figuresFileSchema,
  "api-models": apiModelsFileSchema,
  compliance: complianceFileSchema,
  "hosted-providers": hostedProvidersFileSchema,
  "gpu-market": gpuMarketSchema,
  economics: economicsSchema,
  gpus: gpusFileSchema,
  "open-models": openModelsFileSchema,
  performance: performanceFileSchema,
  uncertainty: uncertaintySchema,
} as const;

export type CatalogFileName = keyof typeof CATALOG_FILES;
