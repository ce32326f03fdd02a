import type { AssumptionKey, Assumptions, Evaluation, ParsedAssessmentInput } from "@/lib/engine";

// How the live result edits price overrides together with the model each was set on
// (input.overrideModels, contract v1.2). Pure, so the rules are unit-tested apart from React.

export type OverrideState = {
  assumptions: Assumptions;
  overrideModels: NonNullable<ParsedAssessmentInput["overrideModels"]>;
};
type Group = "api" | "hostedOpen";

/** The binding group of an override key (price keys only). */
export function groupOf(key: AssumptionKey): Group | undefined {
  return /^api\.(input|cachedInput|output)UsdPerMTok$/.test(key)
    ? "api"
    : /^hostedOpen\.(input|output)UsdPerMTok$/.test(key)
      ? "hostedOpen"
      : undefined;
}
const pricedId = (e: Evaluation, g: Group) => (g === "api" ? e.comparison.apiModelId : e.comparison.hostedModelId);
const heldKeys = (e: Evaluation, g: Group) =>
  (e.priceOverrides ?? []).filter((o) => !o.applied && groupOf(o.key) === g).map((o) => o.key);

function without(s: OverrideState, keys: AssumptionKey[], g: Group): OverrideState {
  const assumptions = { ...s.assumptions };
  for (const k of keys) delete assumptions[k];
  const overrideModels = { ...s.overrideModels };
  if (!Object.keys(assumptions).some((k) => groupOf(k as AssumptionKey) === g)) delete overrideModels[g];
  return { assumptions, overrideModels };
}

/**
 * An edit of one figure. A price entered now is a figure for the model priced now: the group is bound
 * to it, and figures of that group still held for another model are dropped (they must not start
 * pricing this one because a sibling was edited).
 */
export function editOverride(
  s: OverrideState,
  e: Evaluation,
  key: AssumptionKey,
  value: number | undefined,
): OverrideState {
  const g = groupOf(key);
  let next: OverrideState = { assumptions: { ...s.assumptions }, overrideModels: { ...s.overrideModels } };
  if (g)
    next = without(
      next,
      heldKeys(e, g).filter((k) => k !== key),
      g,
    );
  if (value === undefined) delete next.assumptions[key];
  else next.assumptions[key] = value;
  if (g) {
    const id = pricedId(e, g);
    if (value !== undefined && id) next.overrideModels[g] = id;
    if (!Object.keys(next.assumptions).some((k) => groupOf(k as AssumptionKey) === g)) delete next.overrideModels[g];
  }
  return next;
}

/** "Keep": the held figures of a group price the model in use from now on. */
export function keepHeld(s: OverrideState, e: Evaluation, g: Group): OverrideState {
  const id = pricedId(e, g);
  return id ? { assumptions: s.assumptions, overrideModels: { ...s.overrideModels, [g]: id } } : s;
}

/** "Drop": the held figures of a group are removed (the model in use is priced at list). */
export function dropHeld(s: OverrideState, e: Evaluation, g: Group): OverrideState {
  return without(s, heldKeys(e, g), g);
}

/** The input the state describes (no empty groups: an input without overrides has neither field). */
export function withOverrides(input: ParsedAssessmentInput, s: OverrideState): ParsedAssessmentInput {
  const { assumptions: _a, overrideModels: _m, ...rest } = input;
  return {
    ...rest,
    ...(Object.keys(s.assumptions).length ? { assumptions: s.assumptions } : {}),
    ...(Object.keys(s.overrideModels).length ? { overrideModels: s.overrideModels } : {}),
  };
}
