"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { ROW_KIND_LABELS, ROW_KINDS, type CatalogRow, type RowKind } from "@/lib/catalog/kinds";
import { GradeBadge } from "./grade-badge";

type Channel = {
  label: string;
  baa: string;
  dpa: string;
  euResidency: string;
  zeroDataRetention: string;
  soc2: string;
};
type Sort = "catalog" | "price-asc" | "price-desc";

const num = (x: number) =>
  Math.abs(x) >= 1000
    ? x.toLocaleString("en-US", { maximumFractionDigits: 0 })
    : x.toLocaleString("en-US", { maximumSignificantDigits: 4 });

function rangeText(r: CatalogRow) {
  if (r.low === null || r.high === null || r.value === null) return "—";
  if (r.low === r.high) return "exact";
  return `${num(r.low)}–${num(r.high)}`;
}

/** A source, linked when the catalog has its address. */
function SourceLink({ source, url, className }: { source: string; url?: string; className: string }) {
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer" className={className}>
      {source}
    </a>
  ) : (
    <>{source}</>
  );
}

function SourceCell({ r }: { r: CatalogRow }) {
  return (
    <div className="text-xs text-slate-600">
      <SourceLink
        source={r.source}
        url={r.url}
        className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700"
      />
      {r.derivation && <p className="mt-0.5 text-slate-500">How: {r.derivation}</p>}
      {r.conditions && <p className="mt-0.5 text-slate-500">Conditions: {r.conditions}</p>}
    </div>
  );
}

function Rows({ rows, showSection }: { rows: CatalogRow[]; showSection?: boolean }) {
  return (
    <div className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {showSection && <th className="px-3 py-2 font-medium">Section</th>}
            <th className="px-3 py-2 font-medium">Item</th>
            <th className="px-3 py-2 font-medium">Value</th>
            <th className="px-3 py-2 font-medium">Range</th>
            <th className="px-3 py-2 font-medium">Grade</th>
            <th className="px-3 py-2 font-medium">Source</th>
            <th className="px-3 py-2 font-medium">As of</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="align-top" data-testid="catalog-row" data-kind={r.kind}>
              {showSection && <td className="px-3 py-2 text-xs text-slate-500">{r.section}</td>}
              <td className="px-3 py-2 font-medium text-slate-900">{r.item}</td>
              <td className="px-3 py-2 tabular-nums text-slate-800" data-testid="catalog-value">
                {r.valueText}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-xs text-slate-600">{rangeText(r)}</td>
              <td className="px-3 py-2">
                <GradeBadge grade={r.grade} />
              </td>
              <td className="px-3 py-2">
                <SourceCell r={r} />
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600">{r.asOf}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Search: every word of the query, in any order, anywhere in the row ("nebius qwen3 32b" finds Nebius's Qwen3 32B offer). */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = haystack.toLowerCase();
  return words.every((w) => text.includes(w));
}

type Speed = { tokensPerSecond: number; ttftSeconds: number; source: string };
type Blend = { input: number; output: number };

const STATUS_MARK: Record<string, string> = { yes: "yes", partial: "partial", no: "no", unknown: "?" };

function Compare({
  rows,
  models,
  channels,
  blend,
  speed,
}: {
  rows: CatalogRow[];
  models: { id: string; label: string; offers: number }[];
  channels: Record<string, Channel>;
  blend: Blend;
  speed?: Speed;
}) {
  const [modelId, setModelId] = useState("");
  const offers = rows.filter((r) => r.modelId === modelId).sort((a, b) => (a.priceKey ?? 0) - (b.priceKey ?? 0));
  const medianIdx = Math.floor((offers.length - 1) / 2);
  const cell = (o: CatalogRow, k: keyof Omit<Channel, "label">) => {
    const best = (o.channels ?? [])
      .map((c) => channels[c]?.[k] ?? "unknown")
      .sort(
        (a, b) => ["yes", "partial", "unknown", "no"].indexOf(a) - ["yes", "partial", "unknown", "no"].indexOf(b),
      )[0]!;
    return (
      <span
        className={
          best === "yes"
            ? "text-emerald-700"
            : best === "partial"
              ? "text-amber-700"
              : best === "no"
                ? "text-rose-700"
                : "text-slate-500"
        }
      >
        {STATUS_MARK[best]}
      </span>
    );
  };
  return (
    <section
      aria-labelledby="compare-heading"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="compare-heading" className="text-base font-semibold text-ink">
        Compare providers for one open model
      </h2>
      <label htmlFor="compare-model" className="mt-2 block text-sm text-slate-700">
        Open model
      </label>
      <select
        id="compare-model"
        value={modelId}
        onChange={(e) => setModelId(e.target.value)}
        className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        <option value="">Choose a model…</option>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label} ({m.offers} providers)
          </option>
        ))}
      </select>
      {offers.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm" data-testid="compare-table">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Provider</th>
                <th className="py-1 pr-3 font-medium">Price</th>
                <th className="py-1 pr-3 font-medium">
                  Blended $/1M{" "}
                  <span className="normal-case">
                    ({blend.input} in : {blend.output} out)
                  </span>
                </th>
                {speed && <th className="py-1 pr-3 font-medium">Speed</th>}
                <th className="py-1 pr-3 font-medium" title="HIPAA business associate agreement">
                  BAA
                </th>
                <th className="py-1 pr-3 font-medium" title="GDPR data processing agreement">
                  DPA
                </th>
                <th className="py-1 pr-3 font-medium" title="Processing inside the EU">
                  EU
                </th>
                <th className="py-1 pr-3 font-medium" title="Zero data retention">
                  ZDR
                </th>
                <th className="py-1 pr-3 font-medium">SOC 2</th>
                <th className="py-1 pr-3 font-medium">Grade</th>
                <th className="py-1 font-medium">Source · as of</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {offers.map((o, i) => (
                <tr key={o.id} data-testid="compare-row" className="align-top">
                  <td className="py-1.5 pr-3 font-medium text-slate-900">
                    {o.item}
                    {i === medianIdx && (
                      <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">median</span>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 text-xs tabular-nums text-slate-700">{o.valueText}</td>
                  <td className="py-1.5 pr-3 tabular-nums">${num(o.priceKey ?? 0)}</td>
                  {speed && (
                    <td className="py-1.5 pr-3 text-xs tabular-nums text-slate-700" data-testid="compare-speed">
                      ~{num(speed.tokensPerSecond)} tok/s · {num(speed.ttftSeconds)} s to first token
                    </td>
                  )}
                  <td className="py-1.5 pr-3">{cell(o, "baa")}</td>
                  <td className="py-1.5 pr-3">{cell(o, "dpa")}</td>
                  <td className="py-1.5 pr-3">{cell(o, "euResidency")}</td>
                  <td className="py-1.5 pr-3">{cell(o, "zeroDataRetention")}</td>
                  <td className="py-1.5 pr-3">{cell(o, "soc2")}</td>
                  <td className="py-1.5 pr-3">
                    <GradeBadge grade={o.grade} />
                  </td>
                  <td className="py-1.5 text-xs text-slate-500">
                    <SourceLink source={o.source} url={o.url} className="underline" /> · {o.asOf}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            Blended price: {blend.input} input tokens to {blend.output} output token, the usual weighting of published
            price comparisons.{" "}
            {speed && (
              <>
                Speed: the catalog has no per-provider figure for these offers, so every provider shows the typical
                hosted figure the engine uses ({speed.source}).{" "}
              </>
            )}
            Compliance columns show the best status among the channels each offer is sold under (yes · partial: under a
            condition · no · ?: not found); see the Compliance rows for each cell&apos;s source. The engine prices the
            model at the median of the providers that meet your compliance need; the cheapest and dearest bound the
            sensitivity range.
          </p>
        </div>
      )}
    </section>
  );
}

export function CatalogTable({
  rows,
  models,
  channels,
  blend,
  speed,
}: {
  rows: CatalogRow[];
  models: { id: string; label: string; offers: number }[];
  channels: Record<string, Channel>;
  blend: Blend;
  speed?: Speed;
}) {
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<RowKind | "all">("all");
  const [sort, setSort] = useState<Sort>("catalog");
  const q = useDeferredValue(query.trim());
  const counts = useMemo(
    () =>
      Object.fromEntries(ROW_KINDS.map((k) => [k, rows.filter((r) => r.kind === k).length])) as Record<RowKind, number>,
    [rows],
  );
  const filtered = rows.filter(
    (r) =>
      (kind === "all" || r.kind === kind) &&
      (!q || matchesQuery(`${r.section} ${r.item} ${r.valueText} ${r.source} ${r.asOf} ${r.grade}`, q)),
  );
  const shown =
    sort === "catalog"
      ? filtered
      : [
          ...filtered
            .filter((r) => r.priceKey !== undefined)
            .sort((a, b) => (sort === "price-asc" ? a.priceKey! - b.priceKey! : b.priceKey! - a.priceKey!)),
          ...filtered.filter((r) => r.priceKey === undefined),
        ];
  const sections = [...new Set(shown.map((r) => r.section))];
  return (
    <div>
      <div role="group" aria-label="Filter by kind" className="flex flex-wrap gap-2">
        {(["all", ...ROW_KINDS] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
            className={`rounded-full border px-3 py-1 text-sm ${kind === k ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {k === "all" ? "All" : ROW_KIND_LABELS[k]}{" "}
            <span className={kind === k ? "text-indigo-100" : "text-slate-500"}>
              {k === "all" ? rows.length : counts[k]}
            </span>
          </button>
        ))}
      </div>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="catalog-search" className="block text-sm font-medium text-slate-800">
            Search the catalog
          </label>
          <input
            id="catalog-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="e.g. nebius qwen3 32b, H100, BAA, assumed"
            className="mt-1 w-72 rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm"
          />
        </div>
        <div>
          <label htmlFor="catalog-sort" className="block text-sm font-medium text-slate-800">
            Sort
          </label>
          <select
            id="catalog-sort"
            value={sort}
            onChange={(e) => setSort(e.target.value as Sort)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="catalog">By section</option>
            <option value="price-asc">Price, lowest first</option>
            <option value="price-desc">Price, highest first</option>
          </select>
        </div>
        <p className="text-sm text-slate-500" aria-live="polite">
          {shown.length} of {rows.length} figures
        </p>
      </div>
      <p className="mt-3 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        Evidence: <GradeBadge grade="measured" /> benchmark or price list · <GradeBadge grade="derived" /> computed from
        measured figures · <GradeBadge grade="assumed" /> policy or estimate, with its range
      </p>
      {(kind === "all" || kind === "provider") && (
        <Compare rows={rows} models={models} channels={channels} blend={blend} speed={speed} />
      )}
      {sort === "catalog" ? (
        sections.map((s) => (
          <section key={s} className="mt-6">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{s}</h2>
            <Rows rows={shown.filter((r) => r.section === s)} />
          </section>
        ))
      ) : (
        <section className="mt-6">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Priced figures first, {sort === "price-asc" ? "cheapest" : "dearest"} first
          </h2>
          <Rows rows={shown} showSection />
        </section>
      )}
    </div>
  );
}
