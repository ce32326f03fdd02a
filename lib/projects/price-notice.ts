// A saved project's price notice as the projects list shows it (lib/server/price-watch.ts makes them).

/** A catalog figure the saved result used whose value changed in the new catalog. */
export type MovedPrice = { key: string; label: string; unit: string; before: number; after: number };

export type PriceNoticeSummary = {
  id: string;
  revisionNumber: number;
  catalogBefore: string;
  catalogAfter: string;
  /** An option id, or for a portfolio "workloadId:option …". */
  verdictBefore: string;
  verdictAfter: string;
  tcoBefore: number;
  tcoAfter: number;
  movedPrices: MovedPrice[];
  /** The compare view: the saved revision against today's prices. */
  compareUrl: string;
  createdAt: string;
};
