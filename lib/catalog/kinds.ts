// Row kinds and the row shape of the /catalog page: no catalog import, so client components can use them
// without bundling the snapshot.

export const ROW_KINDS = ["api-model", "open-model", "provider", "gpu", "compliance", "people", "policy"] as const;
export type RowKind = (typeof ROW_KINDS)[number];
export const ROW_KIND_LABELS: Record<RowKind, string> = {
  "api-model": "API models",
  "open-model": "Open models",
  provider: "Hosted providers",
  gpu: "GPUs",
  compliance: "Compliance",
  people: "People",
  policy: "Policy",
};

export type Grade = "measured" | "derived" | "assumed";

export type CatalogRow = {
  id: string;
  kind: RowKind;
  section: string;
  item: string;
  /** The number (null for a fact such as a compliance cell). */
  value: number | null;
  /** How the value reads: "$4 in · $20 out per 1M tokens", "yes — BAA on request". */
  valueText: string;
  unit: string;
  low: number | null;
  high: number | null;
  grade: Grade;
  source: string;
  url?: string;
  asOf: string;
  conditions?: string;
  derivation?: string;
  /** For sorting by price: USD per 1M tokens (3:1 blend) or USD per GPU-hour. */
  priceKey?: number;
  /** Open model id of a hosted offer (compare providers for one model). */
  modelId?: string;
  /** Compliance channels a hosted offer is sold under. */
  channels?: string[];
};
