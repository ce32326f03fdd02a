export { evaluatePortfolio, workloadInput, EXHAUSTIVE_LIMIT } from "./evaluate";
export type {
  PortfolioEvaluation,
  PortfolioAlternative,
  PortfolioBreakdown,
  PortfolioFleet,
  WorkloadPlacement,
} from "./evaluate";
export { portfolioInputSchema, workloadSchema, isPortfolioShape, MAX_WORKLOADS } from "./schema";
export type { PortfolioInput, ParsedPortfolioInput, WorkloadInput, ParsedWorkload } from "./schema";
export { ALTERNATIVE_LABELS, marginalText } from "./texts";
export type { AlternativeName } from "./texts";
