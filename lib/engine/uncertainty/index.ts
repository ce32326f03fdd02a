// Uncertainty (contract v1.2 `uncertainty`): a Monte Carlo over the catalog's ranges — and the user's
// own — that re-runs the engine's verdict at every draw. Method: README.md "Uncertainty" and
// catalog/uncertainty.json.
export { runDraws, type Draws, type DrawOptions, type VerdictEngine, type VerdictRules } from "./monte-carlo";
export {
  summarize,
  spearman,
  ranks,
  quantileSorted,
  type UncertaintySummary,
  type OptionBand,
  type Driver,
} from "./summary";
export {
  distributionsFor,
  drawValue,
  normalQuantile,
  VOLUME_RANGE_KEYS,
  type FigureDistribution,
  type UserRanges,
  type UserRange,
  type RangeKey,
} from "./distributions";
export { sfc32, type Rng } from "./prng";
export type { Band, Uncertainty, UncertaintyBands } from "./types";
