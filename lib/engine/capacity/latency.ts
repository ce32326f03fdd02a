import type { Figure } from "../catalog";
import type { Option } from "../schema";
import type { CapacityChoice } from "./choose";
import { fmtMs, fmtTok } from "./choose";
import type { LatencyMeasure } from "./perf";

// Every option's p95 latency against the user's target, continuous in the target:
//   remote (API, hosted open weights): (TTFT + extra prefill of a prompt longer than the benchmark's
//     + output tokens ÷ output speed) × p95/median + network
//   self-hosted: the performance model's p95 at the chosen configuration's operating point + network
//   hybrid: the slower of its two paths (traffic on either must meet the target)

export type OptionLatency = {
  option: Option;
  /** p95 ms for what the target measures. */
  ms: number;
  targetMs: number;
  feasible: boolean;
  /** Model (and configuration) the figure is for. */
  model: string;
  /** Plain English, with the numbers. */
  text: string;
  source: string;
  /** Context limit check: the model reads fewer tokens than a request needs. */
  contextExceeded?: boolean;
  /** v1.2: output tokens per second one user receives while streaming (self-hosted: at the sized concurrency). */
  userTokensPerSecond: number;
  /** v1.2: p95 of the full response (first token plus every output token), network included, whatever the target measures. */
  fullResponseMs: number;
};

export type RemoteModel = {
  label: string;
  ttftSeconds: Figure | { value: number; source: string };
  outputTokensPerSecond: Figure | { value: number; source: string };
  contextTokens?: number;
};

export type LatencyParams = {
  outTok: number;
  inTok: number;
  targetMs: number;
  measure: LatencyMeasure;
  p95OverMedian: number;
  networkMs: number;
  /** Published TTFTs are measured at this prompt length; longer prompts add their prefill at `prefillTokensPerSecond`. */
  referencePromptTokens: number;
  prefillTokensPerSecond: number;
};

export function remoteLatency(option: "api" | "hosted-open", r: RemoteModel, q: LatencyParams): OptionLatency {
  const ttft =
    r.ttftSeconds.value * 1000 + (Math.max(0, q.inTok - q.referencePromptTokens) / q.prefillTokensPerSecond) * 1000;
  const speed = r.outputTokensPerSecond.value;
  const gen = q.measure === "full-response" ? (Math.max(q.outTok, 1) / speed) * 1000 : 0;
  const ms = (ttft + gen) * q.p95OverMedian + q.networkMs;
  const what = q.measure === "first-token" ? "to the first token" : `for ${fmtTok(q.outTok)} output tokens`;
  const fullResponseMs = (ttft + (Math.max(q.outTok, 1) / speed) * 1000) * q.p95OverMedian + q.networkMs;
  const context = Math.max(q.inTok, 1) + Math.max(q.outTok, 1);
  const contextExceeded = r.contextTokens !== undefined && r.contextTokens < context;
  const feasible = ms <= q.targetMs && !contextExceeded;
  const detail =
    q.measure === "first-token"
      ? `~${fmtMs(ttft)} median first token`
      : `~${fmtMs(ttft)} to the first token plus ${fmtTok(q.outTok)} tokens at ~${Math.round(speed)} tokens/s`;
  const text = contextExceeded
    ? `${r.label} reads at most ${fmtTok(r.contextTokens!)} tokens; your requests need ${fmtTok(context)} (prompt plus output).`
    : `${r.label} takes ~${fmtMs(ms)} p95 ${what} (${detail}, ×${q.p95OverMedian} for the p95 tail, +${Math.round(q.networkMs)} ms network); you need ${fmtMs(q.targetMs)}.`;
  return {
    option,
    ms,
    targetMs: q.targetMs,
    feasible,
    model: r.label,
    text,
    source: `${r.ttftSeconds.source}; ${r.outputTokensPerSecond.source}`,
    contextExceeded,
    userTokensPerSecond: speed,
    fullResponseMs,
  };
}

/**
 * `e2eP95OverMedian`: the measured end-to-end p95 ÷ median (performance.json p95Factors.e2e); `outTok`: output
 * tokens per request. Per-user speed is one decode step per token at the sized concurrency (1000 ÷ TPOT).
 */
export function selfHostedLatency(choice: CapacityChoice, e2eP95OverMedian: number, outTok: number): OptionLatency {
  const c = choice.chosen;
  const ms = c.point.p95Ms + choice.networkMs;
  const what = choice.measure === "first-token" ? "to the first token" : "for the full response";
  const label = `${c.modelLabel} ${c.precision.toUpperCase()} on ${c.gpusPerReplica}× ${c.gpuLabel}`;
  const userTokensPerSecond = c.point.tpotMs > 0 ? 1000 / c.point.tpotMs : 0;
  const fullResponseMs = c.point.e2eMs * e2eP95OverMedian + choice.networkMs;
  // A first-token target says nothing of how fast the answer streams: say it, with the numbers.
  const stream =
    choice.measure === "first-token"
      ? ` Each user then receives ~${Math.round(userTokensPerSecond)} tokens/s: ~${fmtMs(fullResponseMs)} p95 for ${fmtTok(Math.max(outTok, 1))} output tokens.`
      : "";
  const text = choice.unmet
    ? `No open model × GPU configuration meets ${fmtMs(choice.targetMs)}: the fastest, ${label}, takes ~${fmtMs(c.bestP95Ms)} p95 ${what} even with one request in flight.`
    : `${label} answers in ~${fmtMs(ms)} p95 ${what} at ${Math.round(c.point.concurrency * 10) / 10} requests in flight per replica; you need ${fmtMs(choice.targetMs)}.${stream}`;
  return {
    option: "self-hosted",
    ms: choice.unmet ? c.bestP95Ms : ms,
    targetMs: choice.targetMs,
    feasible: !choice.unmet,
    model: label,
    text,
    source: `performance model calibrated on ${c.calibration.source}`,
    userTokensPerSecond,
    fullResponseMs,
  };
}

export function hybridLatency(self: OptionLatency, api: OptionLatency): OptionLatency {
  const worst = api.ms >= self.ms ? api : self;
  const feasible = self.feasible && api.feasible;
  return {
    option: "hybrid",
    ms: Math.max(self.ms, api.ms),
    targetMs: self.targetMs,
    feasible,
    model: `${self.model} + ${api.model}`,
    text: feasible
      ? `Both paths meet ${fmtMs(self.targetMs)}: ${self.model} ~${fmtMs(self.ms)}, ${api.model} ~${fmtMs(api.ms)}.`
      : `Requests on the ${worst === api ? "API" : "self-hosted"} path would miss it: ${worst.text}`,
    source: `${self.source}; ${api.source}`,
    userTokensPerSecond: Math.min(self.userTokensPerSecond, api.userTokensPerSecond),
    fullResponseMs: Math.max(self.fullResponseMs, api.fullResponseMs),
  };
}
