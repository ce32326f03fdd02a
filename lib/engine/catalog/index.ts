import type { Snapshot } from "@/catalog/build";
import snapshotJson from "./snapshot.generated.json" with { type: "json" };

// The compact catalog snapshot built by `npm run catalog:build` (catalog/build.ts). Type-only
// import of its shape: the builder and its price library never reach the engine's bundle.
export const catalog = snapshotJson as unknown as Snapshot;
export const catalogVersion: string = catalog.catalogVersion;
export type Catalog = Snapshot;
export type ApiTier = "frontier" | "mid" | "small";
export type OpenSizeClass = "large" | "small";
export type PriceTable = Snapshot["apiModels"][number]["price"];
