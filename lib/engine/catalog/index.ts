import type { Snapshot } from "@/catalog/build";
import type { KeyedFigure } from "@/catalog/schema";
import snapshotJson from "./snapshot.generated.json" with { type: "json" };

// The compact catalog snapshot built by `npm run catalog:build` (catalog/build.ts). Type-only
// import of its shape: the builder and its price library never reach the engine's bundle.
export const catalog = snapshotJson as unknown as Snapshot;
export const catalogVersion: string = catalog.catalogVersion;
export type Catalog = Snapshot;
export type ApiTier = "frontier" | "mid" | "small";
export type OpenSizeClass = "large" | "small";
export type PriceTable = Snapshot["apiModels"][number]["price"];
export type { Evidence, Figure, Grade, KeyedFigure } from "@/catalog/schema";

/** Every keyed figure of the committed snapshot (typed from the generated JSON: a typo is a type error). */
export type FigureKey = keyof (typeof snapshotJson)["figures"];

/** Thrown when a catalog lacks a figure the code asks for (a stale or hand-edited catalog). */
export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogError";
  }
}

/**
 * THE accessor for keyed catalog figures (the merged `figures` record of every catalog file):
 * returns the whole figure (value, unit, low, high, grade, source, asOf, label, group…) and throws a
 * CatalogError naming the key when the catalog does not have it. Use `figureOf(c, k).value` for the number.
 */
export function figureOf(c: Catalog, key: FigureKey): KeyedFigure {
  const f = (c.figures as Record<string, KeyedFigure | undefined>)[key];
  if (!f) throw new CatalogError(`catalog ${c.catalogVersion} has no figure "${key}" (run npm run catalog:build?)`);
  return f;
}
