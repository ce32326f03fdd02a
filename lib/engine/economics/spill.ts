import type { Catalog, PriceTable } from "../catalog";
import { hostedQuote } from "../catalog/market";
import type { Model } from "../types";

/** The fleet's own open model at hosted providers (median of the compliant offers), or null when none sells it. */
export function hostedSpillOf(m: Model, catalog: Catalog): { price: PriceTable; label: string } | null {
  const id = m.capacity?.chosen?.modelId;
  if (!id) return null;
  try {
    const q = hostedQuote(catalog, id, m.input);
    return q.price ? { price: q.price, label: `${q.modelLabel} (${q.source.split(" (")[0]})` } : null;
  } catch {
    return null; // no hosted market for that model in this catalog
  }
}

/** The model a hybrid's hosted spill is priced on: the same open weights, hosted, where sold (else the paired hosted model). */
export function hostedSpillModel(m: Model, catalog: Catalog): Model {
  return withHostedSpill(m, hostedSpillOf(m, catalog));
}

/** The model with a hosted spill's price and label as its hosted open weights (the model itself when none is sold). */
export function withHostedSpill(m: Model, spill: { price: PriceTable; label: string } | null | undefined): Model {
  return spill ? ({ ...m, hostedPrice: spill.price, hostedModelLabel: spill.label } as Model) : m;
}
