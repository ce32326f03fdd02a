import type { Catalog } from "../catalog";
import { complianceFor, needsCompliance } from "../compliance";
import type { Model } from "../types";
import { OPTIONS, type Option } from "../schema";
import { pct, type Exclusion, type Reason } from "./types";
import { REGULATION_LABELS } from "../vocabulary";
import { inHouseBinds } from "../data-rules";
import { capacityCatalog } from "../capacity";
import { weightOnlyFp4Architectures } from "../capacity/configs";
import { formatTokens } from "../text";

/** The configuration priced runs FP4 weights on a GPU that cannot serve them (only when the user forced that model and GPU: the ranking never offers it). */
function fp4WithoutSupport(catalog: Catalog, chosen: { gpuId: string; precision: string }): boolean {
  if (chosen.precision !== "fp4") return false;
  const cc = capacityCatalog(catalog);
  const g = cc.gpus.find((x) => x.id === chosen.gpuId);
  return !!g && !g.denseTflops.fp4 && !weightOnlyFp4Architectures(cc.performance, cc.gpus).has(g.architecture);
}

/** Where the rules write: exclusions (`add`, read back as `excluded`) and compliance notes. */
type RuleSink = {
  add: (option: Option, rule: string, text: string) => void;
  notes: Reason[];
  excluded: readonly Exclusion[];
};

export function exclusions(m: Model, catalog: Catalog): { excluded: Exclusion[]; complianceNotes: Reason[] } {
  const { data } = m.input;
  const out: Exclusion[] = [];
  const notes: Reason[] = [];
  const add = (option: Option, rule: string, text: string) => out.push({ option, rule, text, kind: "hard" });

  const inHouse = inHouseBinds(data);
  const rules: RuleSink = { add, notes, excluded: out };
  // In this order (the reasons list the rules in it): data and site, latency and context, quality, compliance.
  dataRules(m, rules, inHouse);
  latencyAndContextRules(m, catalog, rules);
  qualityRules(m, rules, inHouse);
  complianceRules(m, catalog, rules, inHouse);
  // A hybrid inherits the latency and context rules of its own-GPU part: no share of the traffic can
  // run in house when the open model cannot.
  const selfRule = out.find((e) => e.option === "self-hosted" && (e.rule === "latency" || e.rule === "context"));
  if (selfRule && !out.some((e) => e.option === "hybrid"))
    add("hybrid", selfRule.rule, `its own-GPU part is ruled out: ${selfRule.text}`);
  // When the latency target (then the context limits) would leave no option at all, no option is
  // ruled out for it: the verdict prices the closest one can get, the conflict "latency-unreachable"
  // says so and lowers the confidence (rules/conflicts.ts).
  let kept = out;
  const allOut = (xs: Exclusion[]) => OPTIONS.every((o) => xs.some((e) => e.option === o));
  for (const rule of ["latency", "context"]) {
    if (allOut(kept)) kept = kept.filter((e) => e.rule !== rule);
  }
  // One entry per option and rule is enough.
  const seen = new Set<string>();
  return {
    excluded: kept.filter((e) => (seen.has(e.option + e.rule) ? false : (seen.add(e.option + e.rule), true))),
    complianceNotes: notes,
  };
}

/** Offline sites and data that must stay in house. */
function dataRules(m: Model, rules: RuleSink, inHouse: boolean): void {
  const { data, deployment } = m.input;
  const { add, notes } = rules;
  if (deployment.offline) {
    for (const o of ["api", "hosted-open", "hybrid"] as const) {
      add(o, "offline", "It must run with no internet connection, so only a model on your own hardware can serve it.");
    }
  }
  if (data.mustStayInHouse && !inHouse) {
    notes.push({
      factor: "in-house",
      favours: "api",
      weight: 0,
      text: "You marked the data as having to stay in house, but 0% of prompts carry it, so the rule binds no traffic and rules no option out; raise the share if some prompts do carry it.",
    });
  }
  if (inHouse) {
    if (data.sensitiveShare >= 1) {
      add("api", "in-house", "Prompts may not leave infrastructure you control, so no external API may see them.");
      add(
        "hosted-open",
        "in-house",
        "Prompts may not leave infrastructure you control, so a hosted provider may not see them either.",
      );
    } else {
      // Only the sensitive share is bound to the house; say so, or a hybrid that sends the rest
      // outside reads as contradicting this rule.
      const whose = `The ${pct(data.sensitiveShare)} of prompts that carry data which must stay in house may not leave infrastructure you control`;
      add(
        "api",
        "in-house",
        `${whose}, so an external API cannot serve all of your traffic; only a split can send the rest to one.`,
      );
      add(
        "hosted-open",
        "in-house",
        `${whose}, so a hosted provider cannot serve all of your traffic either; only a split can send the rest to one.`,
      );
    }
    if (data.sensitiveShare >= 1) {
      add(
        "hybrid",
        "in-house",
        "All traffic carries data that must stay in house, so there is nothing to route outside: a split is the same as self-hosting.",
      );
    }
  }
}

/** Every option against the latency target and the context window, with its numbers; FP4 weights on a GPU that cannot serve them. */
function latencyAndContextRules(m: Model, catalog: Catalog, rules: RuleSink): void {
  const { add, excluded: out } = rules;
  // Latency and context windows: every option against the target, with its numbers (capacity,
  // lib/engine/capacity/latency.ts). Continuous in the target: an option is out exactly when its
  // modelled p95 exceeds it.
  const lat = m.latency;
  for (const option of ["api", "hosted-open"] as const) {
    const l = lat[option];
    if (l.contextExceeded) add(option, "context", l.text);
    else if (!l.feasible) add(option, "latency", l.text);
  }
  const self = lat["self-hosted"];
  const cap = m.capacity;
  const need = m.input.volume.inputTokensPerRequest + m.input.volume.outputTokensPerRequest;
  if (cap.chosen.contextWindowTokens < need) {
    // Name the longest-reading open model, not every model's limit.
    const ids = new Set(cap.excludedModels.map((x) => x.modelId));
    const considered = capacityCatalog(catalog).openModels.filter((x) => ids.has(x.id));
    const longest = considered.reduce<(typeof considered)[number] | undefined>(
      (a, b) => (!a || b.contextWindowTokens.value > a.contextWindowTokens.value ? b : a),
      undefined,
    );
    const limit = longest
      ? `${longest.label}, reads at most ${formatTokens(longest.contextWindowTokens.value)}`
      : `${cap.chosen.modelLabel}, reads at most ${formatTokens(cap.chosen.contextWindowTokens)}`;
    add(
      "self-hosted",
      "context",
      `No open model of the ${m.capacity.chosen.qualityTier} quality tier reads a ${formatTokens(need)}-token request (prompt plus output): the longest-reading, ${limit} tokens.`,
    );
  } else if (fp4WithoutSupport(catalog, cap.chosen)) {
    const cc = capacityCatalog(catalog);
    const g = cc.gpus.find((x) => x.id === cap.chosen.gpuId)!;
    const able = cc.gpus
      .filter((x) => !fp4WithoutSupport(catalog, { gpuId: x.id, precision: "fp4" }))
      .map((x) => x.label);
    add(
      "self-hosted",
      "precision",
      `${cap.chosen.modelLabel} ships only as FP4 weights, and the ${g.label} has no FP4 tensor cores and no measured weight-only FP4 run, so it cannot serve them; choose a GPU that can (${able.join(", ")}) or another open model.`,
    );
  } else if (!self.feasible) add("self-hosted", "latency", self.text);
  if (!lat.hybrid.feasible && !out.some((e) => e.option === "hybrid")) {
    const apiOut = !lat.api.feasible;
    add(
      "hybrid",
      apiOut && lat.api.contextExceeded ? "context" : "latency",
      apiOut
        ? `Requests routed to the API would miss it: ${lat.api.text}`
        : `Requests kept in house would miss it: ${self.text}`,
    );
  }
}

/** Frontier quality: open weights are not at the frontier (hosted or self-hosted). */
function qualityRules(m: Model, rules: RuleSink, inHouse: boolean): void {
  const { deployment } = m.input;
  const { add } = rules;
  if (m.input.capability.frontier === "required") {
    add(
      "hosted-open",
      "quality",
      `Frontier quality is required, and no open-weights model is at the frontier yet (the best open models trail the frontier by 9–12 months: Menlo Ventures 2025, research market-update-2026-12.md); hosted providers only serve open weights.`,
    );
  }
  // The same quality rule for open weights wherever they run: with frontier quality required, self-
  // hosting (open weights only) is out unless the prompts may not go to a frontier API at all (in house,
  // offline, or regulated data no API channel covers: the conflicts say so). A hybrid keeps open weights
  // for the routine share and routes the hardest requests to the frontier API.
  if (m.input.capability.frontier === "required" && !inHouse && !deployment.offline && !m.sensitiveStaysIn) {
    add(
      "self-hosted",
      "quality",
      `Frontier quality is required, and self-hosting runs open weights (here ${m.capacity.chosen.modelLabel}), which are not at the frontier yet; on your own GPUs they can take only the routine share of a hybrid that routes the hardest requests to a frontier API.`,
    );
  }
}

/** Regulated data: the compliance matrix decides the external channels. */
function complianceRules(m: Model, catalog: Catalog, rules: RuleSink, inHouse: boolean): void {
  const { data, deployment } = m.input;
  const regs = data.regulations;
  const { add, notes } = rules;
  if (needsCompliance(m.input) && !inHouse && !deployment.offline) {
    const names = regs.map((r) => REGULATION_LABELS[r]).join(", ");
    for (const option of ["api", "hosted-open"] as const) {
      // The compliance matrix (lib/engine/compliance.ts) decides; the hosted option also needs a
      // provider that sells the priced open model on one of the compliant channels.
      const v = complianceFor(catalog, option, m.input, option === "api" ? m.apiRef : undefined);
      const sold = option === "api" || m.hostedQuote.price !== null;
      if (v.covered && sold) {
        notes.push({
          factor: "compliance",
          favours: option,
          weight: 0,
          text:
            option === "hosted-open"
              ? `${complianceFor(catalog, option, m.input, undefined, new Set(m.hostedQuote.eligible.flatMap((o) => o.channels))).text} ${m.hostedQuote.modelLabel} is priced at the ${m.hostedQuote.source}.`
              : v.text,
        });
      } else {
        add(
          option,
          "compliance",
          v.covered
            ? `${v.text.replace(/ Verify the contract tier.*$/, "")} But no provider in the catalog sells ${m.hostedQuote.modelLabel} on one of those channels at a per-token price.`
            : v.text,
        );
        if (option === "api") {
          if (data.sensitiveShare >= 1) {
            add(
              "hybrid",
              "compliance",
              `All traffic is regulated (${names}) and no API channel covers it, so none of it can be routed outside.`,
            );
          } else {
            notes.push({
              factor: "compliance",
              favours: "hybrid",
              weight: 0,
              text: `No API channel covers ${names}, so a hybrid must keep the ${pct(data.sensitiveShare)} of traffic that carries the regulated data on your own GPUs; only the other ${pct(1 - data.sensitiveShare)} may go to an external model.`,
            });
          }
        }
      }
    }
  }
}
