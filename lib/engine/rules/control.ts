import { figureOf, type Catalog } from "../catalog";
import type { CostView } from "../economics";
import type { Model } from "../model";
import type { Option } from "../schema";
import { formatPct, formatUsd } from "../text";
import { OPTION_LABELS } from "../vocabulary";
import type { Conflict, Exclusion, RankedOption, Reason } from "./types";

// Full control of the model is a weighted factor, not a hard rule: a large enough cost gap can still
// recommend the proprietary API, which gives no control of the weights. When it does, the answer says
// plainly that the requirement was overruled, why, and what an option that gives control costs.

/** What each option that keeps the weights in your hands gives (a hybrid does so for its in-house share only). */
const CONTROL_GIVEN: Partial<Record<Option, string>> = {
  "hosted-open":
    "control of the weights (open weights you choose, fine-tune and pin to a version, served by a provider), not of the serving stack",
  "self-hosted": "all of it: weights, serving and when anything changes",
};

export function controlOverruled(
  m: Model,
  catalog: Catalog,
  costs: Record<Option, CostView>,
  ranking: RankedOption[],
  excluded: Exclusion[],
): { reason: Reason; conflict: Conflict } | null {
  if (m.input.capability.customization !== "full-control") return null;
  const usable = ranking.filter((r) => !r.excluded).map((r) => r.option);
  if (usable[0] !== "api") return null;
  const horizon = m.input.strategy.horizonMonths;
  const api = costs.api.tcoUsd;
  const givers = (["hosted-open", "self-hosted"] as const)
    .filter((o) => usable.includes(o))
    .sort((a, b) => costs[a].tcoUsd - costs[b].tcoUsd);
  const head =
    "You asked for full control of the model, and this recommendation overrules it: a proprietary API gives no control of the weights (you cannot download, pin or modify them, and the vendor decides when the model changes).";
  if (!givers.length) {
    const why = (["hosted-open", "self-hosted"] as const)
      .map((o) => `${OPTION_LABELS[o]}: ${excluded.find((e) => e.option === o)?.text ?? "ruled out"}`)
      .join(" ");
    return {
      reason: {
        factor: "controlOverruled",
        kind: "note",
        favours: "api",
        weight: 0,
        text: `${head} Every option that gives control is ruled out by a hard requirement. ${why}`,
      },
      conflict: {
        id: "full-control-overruled",
        text: "Full control of the model was asked for, but every option that gives it is ruled out, so the recommendation, a proprietary API, gives none.",
        advice:
          "Relax the requirement that rules open weights out, or accept a vendor-controlled model for this workload.",
      },
    };
  }
  const best = givers[0]!;
  const premium = Math.max(0, costs[best].tcoUsd - api);
  const limit = figureOf(catalog, "economics.costBinding.maxPremiumShare").value;
  const floor = figureOf(catalog, "economics.costBinding.premiumFloorUsd").value;
  const allowed = Math.max(limit * api, floor);
  const offers = givers.map(
    (o) =>
      `${OPTION_LABELS[o]} (${formatUsd(Math.max(0, costs[o].tcoUsd - api))} more over ${horizon} months) gives ${CONTROL_GIVEN[o]}`,
  );
  const noTeam =
    m.input.team.mlOpsMaturity === "none"
      ? " Your team has no ML-ops experience, so self-hosting also means hiring first (its cost includes that)."
      : "";
  const why =
    premium > allowed + 1
      ? `That premium is more than the non-cost reasons may buy (${formatPct(limit, 0)} of the cheapest or ${formatUsd(floor)}, whichever is larger), so cost decides.`
      : "The premium is within what non-cost reasons may buy, but the other factors (team, time to market, cost) outweigh control here.";
  return {
    reason: {
      factor: "controlOverruled",
      kind: "note",
      favours: best,
      weight: 0,
      text: `${head} ${offers.join("; ")}.${noTeam} ${why} If control is a hard requirement, choose ${OPTION_LABELS[best]} and budget ${formatUsd(premium)}.`,
    },
    conflict: {
      id: "full-control-overruled",
      text: `Full control of the model was asked for, but the recommendation, a proprietary API, gives none: the cheapest option that does, ${OPTION_LABELS[best]}, costs ${formatUsd(premium)} more over ${horizon} months.`,
      advice: `If control is a hard requirement, choose ${OPTION_LABELS[best]} at that premium; otherwise drop full control from the requirements and the API stands.`,
    },
  };
}
