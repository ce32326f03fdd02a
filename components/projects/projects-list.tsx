"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { optionLabel } from "@/lib/engine";
import { recommendationLabel } from "@/lib/projects/stored-revision";
import { useProjectsList } from "@/lib/projects/client";
import { formatDate } from "@/lib/format";

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
          <input id="project-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} className="mt-1 w-64 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="project-sort" className="block text-sm font-medium text-slate-800">
            Sort by
          </label>
          <select id="project-sort" value={sort} onChange={(e) => setSort(e.target.value as "updated" | "name")} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
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
          <Link href="/assess" className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Start an assessment
          </Link>
        </div>
      )}
      {!!projects.data?.length && (
        <ul className="mt-6 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="projects">
          {projects.data.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <Link href={`/projects/${p.id}`} className="font-semibold text-ink hover:underline">
                  {p.name}
                </Link>
                <p className="text-sm text-slate-500">
                  {recommendationLabel(p.latestRecommendation, optionLabel)} · {p.revisionCount} revision{p.revisionCount === 1 ? "" : "s"} · updated {formatDate(p.updatedAt)}
                </p>
              </div>
              {!p.catalogIsCurrent && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Prices changed since saved</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
