import type { OptionLatency } from "../capacity/latency";
import type { HybridContext, OptionCost, OptionTco } from "../economics/costs";
import type { Option } from "../enums";
import type { Model } from "../types";
import { apiOption } from "./api";
import { hostedOpenOption } from "./hosted-open";
import { hybridOption } from "./hybrid";
import { selfHostedOption } from "./self-hosted";
import type { LatencyInputs, OptionModule, PricingContext } from "./types";

export type { CompositeOptionModule, LatencyInputs, OptionModule, PricingContext, PureOptionModule } from "./types";

/**
 * THE option registry: one module per option, in OPTIONS order (results list options in this order).
 * Pure options first; a composite one (the hybrid) is priced from the pure ones. Adding an option: see
 * lib/engine/README.md "Adding an option".
 */
export const OPTION_REGISTRY = [
  apiOption,
  hostedOpenOption,
  selfHostedOption,
  hybridOption,
] as const satisfies readonly OptionModule<Option>[];

type Registry = readonly OptionModule[];

/**
 * Every option's full cost: the pure options in registry order, then the composite ones (priced from them).
 * `reuse`: pure options' costs already known for this model (whatWouldChange's probes pass the base model's
 * costs of the options a figure cannot move; its test checks each claim against a fresh computation).
 */
export function registryCosts(
  m: Model,
  pricing: PricingContext,
  reuse: Partial<Record<string, OptionCost>> = {},
  registry: Registry = OPTION_REGISTRY,
): Record<string, OptionCost> {
  const out: Record<string, OptionCost> = {};
  for (const o of registry) if (o.kind === "pure") out[o.id] = reuse[o.id] ?? o.cost(m, pricing);
  for (const o of registry) if (o.kind === "composite") out[o.id] = o.cost(m, pricing, out);
  return out;
}

/** Every option's TCO alone (verdict probes): the same month loops and decisions as registryCosts. */
export function registryTcos(
  m: Model,
  pricing: PricingContext,
  reuse: Partial<Record<string, OptionTco>> = {},
  registry: Registry = OPTION_REGISTRY,
): Record<string, OptionTco> {
  const out: Record<string, OptionTco> = {};
  for (const o of registry) if (o.kind === "pure") out[o.id] = reuse[o.id] ?? o.tco(m, pricing);
  for (const o of registry) if (o.kind === "composite") out[o.id] = o.tco(m, pricing, out);
  return out;
}

/** Every option's p95 against the target: pure options, then composite ones (from theirs). */
export function registryLatencies(
  q: LatencyInputs,
  registry: Registry = OPTION_REGISTRY,
): Record<string, OptionLatency> {
  const out: Record<string, OptionLatency> = {};
  for (const o of registry) if (o.kind === "pure") out[o.id] = o.latency(q);
  for (const o of registry) if (o.kind === "composite") out[o.id] = o.latency(q, out);
  return out;
}

/** Every built-in option's cost (registryCosts over OPTION_REGISTRY). */
export function optionCosts(
  m: Model,
  ctx: HybridContext,
  minShare: number,
  reuse: Partial<Record<"api" | "hosted-open" | "self-hosted", OptionCost>> = {},
): Record<Option, OptionCost> {
  return registryCosts(m, { ctx, minShare }, reuse) as Record<Option, OptionCost>;
}

/** Every built-in option's TCO alone (tested equal to optionCosts' TCOs). */
export function optionTcos(
  m: Model,
  ctx: HybridContext,
  minShare: number,
  reuse: Partial<Record<"api" | "hosted-open" | "self-hosted", OptionTco>> = {},
): Record<Option, OptionTco> {
  return registryTcos(m, { ctx, minShare }, reuse) as Record<Option, OptionTco>;
}
