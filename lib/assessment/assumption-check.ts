import { ASSUMPTION_BOUNDS, type AssumptionKey } from "@/lib/engine/schema";
import { formatNumber } from "@/lib/format";
import { parseNumberField } from "./units";

// Checks an edited assumption before it reaches the engine: the engine's own bounds (the same the API's
// schema enforces), with the unit in the message. Loaded with the engine, on the first edit (zod-free
// callers import only the type).

export type AssumptionCheck = { ok: true; value: number } | { ok: false; error: string };

export function checkAssumption(key: AssumptionKey, text: string): AssumptionCheck {
  const b = ASSUMPTION_BOUNDS[key];
  const range = `${formatNumber(b.min, 4)} to ${formatNumber(b.max, 4)} ${b.unit}`;
  const value = parseNumberField(text);
  if (value === undefined) return { ok: false, error: `Enter a number from ${range}` };
  if (value < b.min || value > b.max) return { ok: false, error: `Must be from ${range}` };
  return { ok: true, value };
}
