// Economics: what each option costs over the horizon (GPU terms, owned hardware, staff that scale,
// fine-tuning, price trends, saturating growth) and the optimised hybrid. Pure, like the rest of the engine.
export * from "./costs";
export { optionCosts, optionTcos } from "../options";
export {
  pricePerRequest,
  tokenMonthlyUsd,
  externalUsdPerTokenDay,
  capacityPeak,
  tokensPerDayOf,
  volumeFactors,
  growthSaturation,
} from "./tokens";
export { planHybrid, hybridConstraints, type Plan } from "./hybrid-plan";
export {
  selfHostedMonth,
  selfHostedSteadyOf,
  selfHostedMonthAt,
  steadyMonthlyUsd,
  steadyMonthlyCurve,
  type SelfHostedMonth,
  type SelfHostedSteady,
} from "./steady";
export {
  fleetCost,
  selfHostedFleetCost,
  replicasFor,
  replicasForPeak,
  usableTpsPerReplica,
  type FleetCost,
  type FleetDemand,
  type FleetMonth,
  type FleetBreakdown,
} from "./fleet";
export { gpuPricing, ownedTerms, termTable, type GpuPricing, type OwnedTerms, type TermRow } from "./terms";
export { staffFor, fineTuningMonthlyUsd, engineerUsd, fleetFteOf, staffFteOf, type Staff } from "./staff";
export { priceFactor, gpuTermFactor } from "./trends";
export { resolvedGpuSource, economicsDefs } from "./assumptions";
export { servedShare, timeAbove, capacityAt } from "./load";
export { ECONOMICS_ASSUMPTION_BOUNDS, GPU_TERMS, type EconomicsAssumptionKey, type GpuTermChoice } from "./bounds";
export { hostedSpillOf, hostedSpillModel } from "./spill";
