"use client";

import { ASSESSMENT_DEFAULTS as D } from "@/lib/engine/defaults";
import { isPortfolio, type Draft, type StepId, type WorkloadDraft } from "@/lib/assessment/draft";
import { tokensPerDay } from "@/lib/assessment/units";
import { formatNumber, formatTokens } from "@/lib/format";
import { MEASURE_LABELS } from "@/lib/assessment/latency";
import { GPU_TERM_LABELS } from "@/lib/engine/vocabulary";
import { useFormFacts } from "./form-facts";
import { LABELS } from "./labels";

// The answers in one list before submitting; every default shown is ASSESSMENT_DEFAULTS', the same the engine applies.

type Row = [StepId, string, string];

export function workloadRows(w: WorkloadDraft, apiModelLabels: Record<string, string> = {}): Row[] {
  const v = w.volume;
  const tpd = tokensPerDay(v);
  const data = w.data;
  return [
    [
      "volume",
      "Volume",
      `${v.requestsPerDay === undefined ? "?" : formatNumber(v.requestsPerDay)} requests/day × (${v.inputTokensPerRequest === undefined ? "?" : formatNumber(v.inputTokensPerRequest)} + ${v.outputTokensPerRequest === undefined ? "?" : formatNumber(v.outputTokensPerRequest)}) tokens = ${tpd === undefined ? "?" : formatTokens(tpd)} tokens/day, growing ${v.monthlyGrowthPct ?? D.volume.monthlyGrowthPct}%/month, peak ${v.peakToAverage ?? D.volume.peakToAverage}×${(v.batchShare ?? 0) > 0 ? ` · ${Math.round((v.batchShare ?? 0) * 100)}% batch` : ""}`,
    ],
    [
      "data",
      "Data",
      `${data.sensitivity ? LABELS.sensitivity[data.sensitivity] : "?"}${data.regulations?.length ? ` · ${data.regulations.map((r) => LABELS.regulations[r]).join(", ")}` : ""}${data.mustStayInHouse ? " · must stay in house" : ""}${(data.sensitiveShare ?? D.data.sensitiveShare) < 1 ? ` · ${Math.round((data.sensitiveShare ?? 1) * 100)}% of traffic sensitive` : ""}`,
    ],
    [
      "latency",
      "Latency",
      w.latency.p95TargetMs
        ? `p95 ${formatNumber(w.latency.p95TargetMs)} ms, ${MEASURE_LABELS[w.latency.measure ?? D.latency.measure].toLowerCase()}`
        : "?",
    ],
    [
      "capability",
      "Quality",
      `Frontier ${w.capability.frontier ? LABELS.frontier[w.capability.frontier].toLowerCase() : "?"} · ${LABELS.customization[w.capability.customization ?? D.capability.customization]}${w.capability.apiModel ? ` · priced against ${apiModelLabels[w.capability.apiModel] ?? w.capability.apiModel}` : ""}`,
    ],
  ];
}

export function companyRows(d: Draft, gpuLabels: Record<string, string>): Row[] {
  const dep = d.deployment;
  const s = d.strategy;
  return [
    ["team", "Team", d.team.mlOpsMaturity ? LABELS.maturity[d.team.mlOpsMaturity] : "?"],
    [
      "deployment",
      "Deployment",
      `${dep.offline ? "Offline · " : ""}GPU: ${gpuLabels[dep.gpu ?? D.deployment.gpu] ?? dep.gpu} · source: ${dep.gpuSource ? (LABELS.gpuSource[dep.gpuSource] ?? dep.gpuSource) : "chosen by RentOrOwn"}${dep.gpuTerm ? ` · ${GPU_TERM_LABELS[dep.gpuTerm].toLowerCase()}` : ""}`,
    ],
    [
      "strategy",
      "Strategy",
      `Ship ${LABELS.ttm[s.timeToMarket ?? D.strategy.timeToMarket].toLowerCase()} · lock-in concern ${LABELS.lockIn[s.lockInConcern ?? D.strategy.lockInConcern].toLowerCase()} · ${s.horizonMonths ?? D.strategy.horizonMonths} months`,
    ],
  ];
}

function Rows({ rows, onEdit, prefix = "" }: { rows: Row[]; onEdit: (id: StepId) => void; prefix?: string }) {
  return (
    <dl className="divide-y divide-slate-100">
      {rows.map(([id, label, text]) => (
        <div key={id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:gap-4">
          <dt className="w-28 shrink-0 text-sm font-medium text-slate-500">{label}</dt>
          <dd className="flex-1 text-sm text-slate-900">{text}</dd>
          <dd>
            <button
              type="button"
              onClick={() => onEdit(id)}
              className="text-sm font-medium text-brand-600 hover:underline"
              aria-label={`Edit ${prefix}${label}`}
            >
              Edit
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Single workload: the same seven rows as before portfolios. Several: the company once, then each workload. */
export function Review({ draft, onEdit }: { draft: Draft; onEdit: (id: StepId, workload?: number) => void }) {
  const { gpuLabels, apiModels } = useFormFacts();
  const apiModelLabels = Object.fromEntries(
    Object.values(apiModels)
      .flat()
      .map((m) => [m.id, m.label]),
  );
  if (!isPortfolio(draft)) {
    const [volume, data, latency, capability] = workloadRows(draft.workloads[0]!, apiModelLabels);
    const [team, deployment, strategy] = companyRows(draft, gpuLabels);
    return (
      <Rows rows={[volume!, data!, team!, latency!, capability!, deployment!, strategy!]} onEdit={(id) => onEdit(id)} />
    );
  }
  return (
    <div className="space-y-6">
      <section aria-labelledby="review-company">
        <h2 id="review-company" className="text-base font-semibold text-ink">
          Your company (shared by every workload)
        </h2>
        <Rows rows={companyRows(draft, gpuLabels)} onEdit={(id) => onEdit(id)} />
      </section>
      {draft.workloads.map((w, i) => (
        <section key={w.id} aria-labelledby={`review-w-${i}`} data-testid="review-workload">
          <h2 id={`review-w-${i}`} className="text-base font-semibold text-ink">
            {i + 1}. {w.name}
          </h2>
          <Rows rows={workloadRows(w, apiModelLabels)} onEdit={(id) => onEdit(id, i)} prefix={`${w.name} `} />
        </section>
      ))}
    </div>
  );
}
