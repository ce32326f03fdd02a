import type { Model } from "../types";
import { OPTIONS } from "../schema";
import { factorLabel } from "../vocabulary";
import { inHouseBinds } from "../data-rules";
import type { Conflict, Exclusion } from "./types";

export function conflicts(m: Model, excluded: readonly Exclusion[] = []): Conflict[] {
  const { data, team, capability, deployment, latency, strategy } = m.input;
  const out: Conflict[] = [];
  // Self-hosting is mandatory when prompts must stay in, or when the hard rules (latency, compliance,
  // offline) leave it as the only option.
  const onlySelfHosted = OPTIONS.every((o) => o === "self-hosted" || excluded.some((e) => e.option === o));
  const inHouseOnly = inHouseBinds(data) || deployment.offline || onlySelfHosted;
  const forcedBy =
    inHouseBinds(data) || deployment.offline
      ? "Inference must run on infrastructure you control"
      : "Your hard requirements leave self-hosting as the only option";
  // Everything in house: no slice of traffic may go to an external (frontier) model.
  const allInHouse = deployment.offline || (inHouseBinds(data) && data.sensitiveShare >= 1);
  if (capability.frontier === "required" && allInHouse) {
    out.push({
      id: "frontier-vs-in-house",
      text: "Frontier quality is required, but frontier models are only offered through external APIs and your prompts may not leave your infrastructure.",
      advice:
        "Test the strongest open-weights model you can run on your own tasks before committing, or negotiate a private deployment of a frontier model inside your own cloud tenancy (if that counts as in house for your auditors).",
    });
  }
  if (inHouseOnly && team.mlOpsMaturity === "none") {
    out.push({
      id: "in-house-without-team",
      text: `${forcedBy}, but there is no ML-ops team to run it.`,
      advice:
        "Budget for hiring or a specialist contractor before launch (the people and set-up costs below include it), and start with a single well-supported model on a managed Kubernetes or vendor appliance.",
    });
  }
  // capacity: no option at all meets the latency target (each option's p95 is in m.latency).
  const lat = Object.values(m.latency);
  if (lat.every((l) => !l.feasible)) {
    const fastest = lat.reduce((a, b) => (b.ms < a.ms ? b : a));
    out.push({
      id: "latency-unreachable",
      text: `No option meets a ${latency.p95TargetMs} ms p95 ${latency.measure === "first-token" ? "first token" : "full response"}: the fastest, ${fastest.model}, takes ~${Math.round(fastest.ms)} ms.`,
      advice:
        latency.measure === "full-response"
          ? "Stream the response and set the target on the first token, shorten the output, or relax the target; the verdict below prices the closest you can get."
          : "Relax the target or shorten the prompt; the verdict below prices the closest you can get.",
    });
  }
  if (capability.frontier === "required" && !m.latency.api.feasible && !m.latency.api.contextExceeded) {
    out.push({
      id: "frontier-vs-latency",
      text: `Frontier quality is required, but a ${latency.p95TargetMs} ms p95 is faster than the frontier API answers: ${m.latency.api.text}`,
      advice:
        "Split the product: serve the latency-critical path with a small self-hosted model and use the frontier model asynchronously where its quality matters.",
    });
  }
  if (strategy.timeToMarket === "weeks" && inHouseOnly && team.mlOpsMaturity !== "dedicated") {
    out.push({
      id: "weeks-vs-self-hosting",
      text: "You need to ship in weeks, but only self-hosting is allowed and your team has not run GPU inference at scale.",
      advice:
        "Ship a narrow first version on a small open model with a managed serving stack, and plan the production set-up as a second step.",
    });
  }
  if (capability.customization === "full-control" && capability.frontier === "required") {
    out.push({
      id: "full-control-vs-frontier",
      text: "Full control of the model is required, but frontier models are proprietary and cannot be modified.",
      advice:
        "Decide which matters more for this workload; a hybrid keeps full control of the tuned open model and routes only the hardest requests to a frontier API.",
    });
  }
  if (capability.frontier === "required" && strategy.lockInConcern === "high") {
    out.push({
      id: "frontier-vs-lock-in",
      text: "Frontier quality is required, and frontier models are only sold as proprietary APIs, yet lock-in is a high concern.",
      advice:
        "You cannot avoid depending on proprietary models, but you can avoid depending on one vendor: call them through a provider-neutral gateway, keep your own evaluation set, and check that a second frontier provider passes it before you commit.",
    });
  }
  if (capability.customization === "full-control" && team.mlOpsMaturity === "none" && !inHouseOnly) {
    out.push({
      id: "full-control-without-team",
      text: "Full control of the model means running open weights yourself, but there is no ML-ops team to run them.",
      advice:
        "Prove the customised model on rented, managed infrastructure first, and hire (the self-hosted costs below include the hiring ramp) before taking serving fully in house.",
    });
  }
  // When the hard rules leave no option at all, say so plainly: the verdict then prices the closest
  // fit, and without this the page would show a recommendation with every option marked ruled out.
  if (OPTIONS.every((o) => excluded.some((e) => e.option === o))) {
    const rules = [...new Set(excluded.map((e) => factorLabel(e.rule).toLowerCase()))];
    out.push({
      id: "nothing-fits",
      text: `Your hard requirements rule out every option (${rules.join(", ")}): the recommendation is the closest fit, not a usable deployment.`,
      advice:
        "Relax one requirement — a shorter prompt than the largest context window, a share of traffic that may leave the house, or a lower quality bar — and assess again.",
    });
  }
  return out;
}
