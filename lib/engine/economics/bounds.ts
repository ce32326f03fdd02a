// Override keys the economics adds to `input.assumptions` (flat, strict), with unit and bounds. Spread
// into ASSUMPTION_BOUNDS by lib/engine/schema.ts; no imports, so the schema stays free of cycles.
export const ECONOMICS_ASSUMPTION_BOUNDS = {
  "gpu.spotUsdPerHour": { min: 0, max: 1000, unit: "USD / GPU-hour (spot, batch only)" },
  "api.reasoningMultiplier": { min: 1, max: 20, unit: "billed ÷ visible output tokens" },
  "api.priceDeclinePerYear": { min: 0, max: 0.95, unit: "share cheaper per year" },
  "hostedOpen.priceDeclinePerYear": { min: 0, max: 0.95, unit: "share cheaper per year" },
  "gpu.priceChangePerYear": { min: -0.9, max: 1, unit: "share change per year" },
  "people.ftePer100Gpus": { min: 0, max: 20, unit: "FTE per 100 GPUs" },
  "people.ftePerModel": { min: 0, max: 10, unit: "FTE per model operated" },
  "people.onCallFte": { min: 0, max: 10, unit: "FTE" },
  "owned.serverPriceUsd": { min: 1_000, max: 10_000_000, unit: "USD per server" },
  "owned.gpusPerServer": { min: 1, max: 16, unit: "GPUs per server" },
  "owned.serverKw": { min: 0.1, max: 200, unit: "kW per server" },
  "owned.pue": { min: 1, max: 3, unit: "PUE" },
  "owned.electricityUsdPerKwh": { min: 0, max: 2, unit: "USD / kWh" },
  "owned.colocationUsdPerKwMonth": { min: 0, max: 2_000, unit: "USD / kW-month" },
  "owned.maintenanceSharePerYear": { min: 0, max: 1, unit: "share of purchase price per year" },
  "owned.depreciationYears": { min: 1, max: 10, unit: "years" },
  "fineTuning.retrainsPerYear": { min: 0, max: 52, unit: "retrains per year" },
  "fineTuning.gpuHoursPerRetrain": { min: 0, max: 1_000_000, unit: "GPU-hours per retrain" },
  "fineTuning.engineerMonthsPerRetrain": { min: 0, max: 24, unit: "engineer-months per retrain" },
  "fineTuning.evalUsdPerMonth": { min: 0, max: 10_000_000, unit: "USD/month" },
  "growth.maxMultiple": { min: 1, max: 1_000, unit: "x starting volume" },
} as const;

export type EconomicsAssumptionKey = keyof typeof ECONOMICS_ASSUMPTION_BOUNDS;

/** Where self-hosted GPUs come from and on what term. `owned` = bought servers in a colocation hall. */
export const GPU_TERMS = ["on-demand", "reserved-1y", "reserved-3y"] as const;
export type GpuTermChoice = (typeof GPU_TERMS)[number];
