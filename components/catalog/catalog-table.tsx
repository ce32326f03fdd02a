"use client";

import { useDeferredValue, useState } from "react";
import type { CatalogRow } from "@/lib/catalog/rows";

export function CatalogTable({ rows }: { rows: CatalogRow[] }) {
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim().toLowerCase());
  const shown = q ? rows.filter((r) => `${r.section} ${r.item} ${r.value} ${r.source} ${r.asOf}`.toLowerCase().includes(q)) : rows;
  const sections = [...new Set(shown.map((r) => r.section))];
  return (
    <div>
      <label htmlFor="catalog-search" className="block text-sm font-medium text-slate-800">
        Search the catalog
      </label>
      <input
        id="catalog-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="e.g. H100, GPT-5, silybench, HIPAA"
        className="mt-1 w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm"
      />
      <p className="mt-2 text-sm text-slate-500" aria-live="polite">
        {shown.length} of {rows.length} figures
      </p>
      {sections.map((s) => (
        <section key={s} className="mt-6">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{s}</h2>
          <div className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-3 py-2 font-medium">Item</th>
                  <th className="px-3 py-2 font-medium">Value</th>
                  <th className="px-3 py-2 font-medium">Source</th>
                  <th className="px-3 py-2 font-medium">As of</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown
                  .filter((r) => r.section === s)
                  .map((r) => (
                    <tr key={r.section + r.item} className="align-top" data-testid="catalog-row">
                      <td className="px-3 py-2 font-medium text-slate-900">{r.item}</td>
                      <td className="px-3 py-2 tabular-nums text-slate-800">{r.value}</td>
                      <td className="px-3 py-2 text-xs text-slate-600">{r.source}</td>
                      <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600">{r.asOf}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
