"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { optionLabel } from "@/lib/engine";
import { recommendationLabel } from "@/lib/projects/stored-revision";
import { useProjectsList } from "@/lib/projects/client";
import { formatDate, formatUsd } from "@/lib/format";
import type { PriceNoticeSummary } from "@/lib/projects/price-notice";

export function ProjectsList() {
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<"updated" | "name">("updated");
  const query = useDeferredValue(q.trim());
  const projects = useProjectsList(query, sort);
  return (
    <div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="project-search" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="project-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="mt-1 w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="project-sort" className="block text-sm font-medium text-slate-800">
            Sort by
          </label>
          <select
            id="project-sort"
            value={sort}
            onChange={(e) => setSort(e.target.value as "updated" | "name")}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="updated">Last updated</option>
            <option value="name">Name</option>
          </select>
        </div>
      </div>
      {projects.isPending && <p className="mt-6 text-slate-500">Loading projects…</p>}
      {projects.isError && (
        <p role="alert" className="mt-6 text-red-700">
          {projects.error.message}
        </p>
      )}
      {projects.data?.length === 0 && (
        <div className="mt-8 rounded-xl border border-dashed border-slate-300 p-8 text-center">
          <p className="text-slate-600">{query ? "No project matches that search." : "No saved projects yet."}</p>
          <Link
            href="/assess"
            className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Start an assessment
          </Link>
        </div>
      )}
      {!!projects.data?.length && (
        <ul
          className="mt-6 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm"
          data-testid="projects"
        >
          {projects.data.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <Link href={`/projects/${p.id}`} className="font-semibold text-ink hover:underline">
                  {p.name}
                </Link>
                <p className="text-sm text-slate-500">
                  {recommendationLabel(p.latestRecommendation, optionLabel)} · {p.revisionCount} revision
                  {p.revisionCount === 1 ? "" : "s"} · updated {formatDate(p.updatedAt)}
                </p>
              </div>
              {!p.catalogIsCurrent && (
                <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  Prices changed since saved
                </span>
              )}
              {p.priceNotice && <PriceNoticeCard notice={p.priceNotice} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const verdictText = (v: string) =>
  v
    .split(" ")
    .map((part) =>
      part.includes(":")
        ? `${part.split(":")[0]}: ${optionLabel(part.split(":")[1] as never)}`
        : optionLabel(part as never),
    )
    .join(", ");
const number = (v: number) => String(Number(v.toPrecision(4)));

/** The price watch's notice: what moved in the new catalog, and the compare view against today's prices. */
function PriceNoticeCard({ notice: n }: { notice: PriceNoticeSummary }) {
  const pct = n.tcoBefore === 0 ? null : ((n.tcoAfter - n.tcoBefore) / n.tcoBefore) * 100;
  return (
    <div
      className="w-full rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800"
      data-testid="price-notice"
      role="status"
    >
      <p className="font-semibold text-amber-900">Price watch: today&apos;s prices move this decision</p>
      <p className="mt-1">
        {n.verdictBefore === n.verdictAfter ? (
          <>Verdict unchanged ({verdictText(n.verdictAfter)})</>
        ) : (
          <>
            Verdict {verdictText(n.verdictBefore)} → {verdictText(n.verdictAfter)}
          </>
        )}{" "}
        · TCO {formatUsd(n.tcoBefore)} → {formatUsd(n.tcoAfter)}
        {pct !== null && ` (${pct >= 0 ? "+" : "−"}${Math.abs(pct).toFixed(1)}%)`}
      </p>
      {n.movedPrices.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-slate-700">
          {n.movedPrices.slice(0, 4).map((m) => (
            <li key={m.key}>
              {m.label}: {number(m.before)} → {number(m.after)} {m.unit}
            </li>
          ))}
          {n.movedPrices.length > 4 && <li>and {n.movedPrices.length - 4} more</li>}
        </ul>
      )}
      <Link href={n.compareUrl} className="mt-2 inline-block font-semibold text-blue-800 underline">
        Compare revision {n.revisionNumber} with today&apos;s prices
      </Link>
    </div>
  );
}
