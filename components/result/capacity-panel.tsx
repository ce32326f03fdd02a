import type { Evaluation } from "@/lib/engine";
import type { CapacitySummary, SelfHostedConfig } from "@/lib/engine/capacity";
import { optionLabel } from "@/lib/engine/vocabulary";
import { formatPct, formatTokens, formatUsd } from "@/lib/format";
import { ResultPanel } from "./panel";

// Self-hosting capacity: the open model × GPU × precision the engine chose, the latency target it
// is sized at, fleet utilization at the start and end of the horizon, the runners-up, and every
// option's p95 against the target. One component for the result page and the PDF report.

const ms = (x: number) =>
  x >= 10_000
    ? `${Math.round(x / 1000)} s`
    : x >= 1000
      ? `${(Math.round(x / 100) / 10).toFixed(1)} s`
      : `${Math.round(x)} ms`;
const cfgName = (c: SelfHostedConfig) =>
  `${c.modelLabel} · ${c.precision.toUpperCase()} · ${c.gpusPerReplica}× ${c.gpuLabel}`;

export function capacityOf(e: Evaluation): CapacitySummary | undefined {
  return (e as Evaluation & { capacity?: CapacitySummary }).capacity;
}

export function CapacityPanel({ evaluation, compact = false }: { evaluation: Evaluation; compact?: boolean }) {
  const cap = capacityOf(evaluation);
  if (!cap) return null;
  const c = cap.chosen;
  const measure = cap.slo.measure === "first-token" ? "first token" : "full response";
  const configs = [c, ...cap.runnersUp];
  // Older saved evaluations have no `paid` block: fall back to replicas and GPUs.
  const paid = (cap as CapacitySummary & { paid?: CapacitySummary["paid"] }).paid;
  return (
    <ResultPanel id="capacity-heading" title="Self-hosting capacity and latency" testId="capacity-panel">
      <p className="mt-1 text-sm text-slate-700" data-testid="capacity-why">
        {cap.why}
      </p>

      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Configuration</dt>
          <dd className="mt-1 font-medium text-slate-900" data-testid="capacity-config">
            {cfgName(c)}
          </dd>
          <dd className="text-xs text-slate-500">
            {c.architecture === "moe"
              ? `MoE, ${c.activeParamsB}B of ${c.totalParamsB}B active`
              : `dense, ${c.totalParamsB}B`}
            ; reads {formatTokens(c.contextWindowTokens)} tokens
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Sized at</dt>
          <dd className="mt-1 font-medium text-slate-900" data-testid="capacity-slo">
            p95 {measure} ≤ {ms(cap.slo.targetMs)}
          </dd>
          <dd className="text-xs text-slate-500">
            {cap.slo.met
              ? `runs at ~${ms(cap.slo.p95Ms)} with ${Math.round(cap.slo.concurrency * 10) / 10} requests in flight per replica`
              : `not reachable: ~${ms(cap.slo.p95Ms)} at best`}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Per replica</dt>
          <dd className="mt-1 font-medium text-slate-900">{formatTokens(c.tokensPerSecondPerReplica)} tokens/s</dd>
          <dd className="text-xs text-slate-500">
            first token ~{ms(cap.slo.ttftMs)}, then ~{ms(cap.slo.tpotMs)} per token (medians);{" "}
            {Math.round(c.point.memoryGb)} GB in use
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">
            {paid
              ? paid.first.owned
                ? "Servers paid and their utilization"
                : "GPUs paid and their utilization"
              : "Fleet utilization"}
          </dt>
          <dd className="mt-1 font-medium text-slate-900" data-testid="capacity-utilization">
            {formatPct(paid?.first.utilization ?? cap.utilization.first)} →{" "}
            {formatPct(paid?.last.utilization ?? cap.utilization.last)}
          </dd>
          {paid ? (
            <dd className="text-xs text-slate-500" data-testid="capacity-paid">
              month 1: {paid.first.text}; last month: {paid.last.text}
            </dd>
          ) : (
            <dd className="text-xs text-slate-500">
              month 1: {cap.fleet.first.replicas} replicas ({cap.fleet.first.gpus} GPUs); last month:{" "}
              {cap.fleet.last.replicas} ({cap.fleet.last.gpus} GPUs)
            </dd>
          )}
        </div>
      </dl>

      <h3 className="mt-5 text-sm font-semibold text-slate-900">
        Every option against your {ms(cap.slo.targetMs)} target
      </h3>
      <table className="mt-2 w-full text-sm" data-testid="capacity-latency">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="py-1 font-medium">Option</th>
            <th className="py-1 font-medium">Model</th>
            <th className="py-1 text-right font-medium">p95 {measure}</th>
            <th className="py-1 text-right font-medium">tokens/s per user</th>
            <th className="py-1 text-right font-medium">p95 full response</th>
            <th className="py-1 text-right font-medium">Meets it</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {(["api", "hosted-open", "self-hosted", "hybrid"] as const).map((o) => {
            const l = cap.latency[o];
            return (
              <tr key={o} title={l.text}>
                <td className="py-1.5 text-slate-900">{optionLabel(o)}</td>
                <td className="py-1.5 text-slate-600">{l.model}</td>
                <td className="py-1.5 text-right">{l.contextExceeded ? "prompt too long" : `~${ms(l.ms)}`}</td>
                {/* Saved results from before v1.2 have no speeds: a dash, not a made-up figure. */}
                <td className="py-1.5 text-right" data-testid={`user-speed-${o}`}>
                  {l.userTokensPerSecond === undefined ? "—" : `~${Math.round(l.userTokensPerSecond)}`}
                </td>
                <td className="py-1.5 text-right">
                  {l.fullResponseMs === undefined ? "—" : `~${ms(l.fullResponseMs)}`}
                </td>
                <td className={`py-1.5 text-right font-medium ${l.feasible ? "text-emerald-700" : "text-red-700"}`}>
                  {l.feasible ? "yes" : "no"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {!compact && configs.length > 1 && (
        <>
          <h3 className="mt-5 text-sm font-semibold text-slate-900">Chosen configuration and runners-up</h3>
          <table className="mt-2 w-full text-sm" data-testid="capacity-runners-up">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="py-1 font-medium">Open model × GPU</th>
                <th className="py-1 text-right font-medium">tokens/s per replica</th>
                <th className="py-1 text-right font-medium">{c.servers ? "Servers (GPUs) month 1" : "GPUs month 1"}</th>
                <th className="py-1 text-right font-medium">Cost as paid, horizon</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {configs.map((x, i) => (
                <tr key={x.id} className={i === 0 ? "font-medium" : ""}>
                  <td className="py-1.5 text-slate-900">
                    {cfgName(x)}
                    {i === 0 && (
                      <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-900">chosen</span>
                    )}
                  </td>
                  <td className="py-1.5 text-right">{formatTokens(x.tokensPerSecondPerReplica)}</td>
                  <td className="py-1.5 text-right">
                    {x.servers
                      ? `${x.servers.first} (${x.servers.first * x.servers.gpusPerServer})`
                      : x.replicasFirst * x.gpusPerReplica}
                  </td>
                  <td
                    className="py-1.5 text-right"
                    title={
                      x.servers
                        ? "servers bought and run (capex, power, colocation, maintenance), their storage/network share and the people per installed GPU"
                        : "GPUs rented, their storage/network share and the people per GPU"
                    }
                  >
                    {formatUsd(x.usdHorizon ?? x.gpuUsdHorizon)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {cap.excludedModels.length > 0 && (
        <p className="mt-3 text-xs text-slate-600" data-testid="capacity-context">
          Context windows: {cap.excludedModels.map((x) => x.reason).join("; ")}.
        </p>
      )}
      <p className="mt-3 text-xs text-slate-500">
        {cap.feasibleCount} of {cap.considered} open model × GPU × precision configurations meet the target. Throughput
        and latency come from a performance model fitted to measured serving runs (InferenceMAX, NVIDIA NIM, silybench);{" "}
        {c.calibration.grade === "measured"
          ? "this configuration was measured"
          : "this configuration's efficiency is carried over"}
        : {c.calibration.source}.
      </p>
    </ResultPanel>
  );
}
