"use client";

import { useState } from "react";
import { canAddWorkload, type Draft } from "@/lib/assessment/draft";
import { WORKLOAD_PRESETS, type WorkloadPreset } from "@/lib/assessment/presets";
import { MAX_WORKLOADS } from "@/lib/engine/enums";
import { TextField } from "./fields";

const small =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40";

export type WorkloadActions = {
  select: (i: number) => void;
  add: (preset?: WorkloadPreset) => void;
  duplicate: (i: number) => void;
  remove: (i: number) => void;
  move: (i: number, by: -1 | 1) => void;
  rename: (name: string) => void;
};

/**
 * Which workload the workload steps are editing, and the list's editing (add from a preset, duplicate,
 * remove, reorder). With one workload it is a single "add another" control, so the one-workload
 * assessment stays as quick as before.
 */
export function WorkloadBar({
  draft,
  actions,
  nameError,
}: {
  draft: Draft;
  actions: WorkloadActions;
  nameError?: string;
}) {
  const [adding, setAdding] = useState(false);
  const n = draft.workloads.length;
  const active = draft.workloads[draft.active]!;
  const presets = (
    <div role="group" aria-label="Workload presets" className="mt-2 flex flex-wrap gap-2">
      {WORKLOAD_PRESETS.map((p) => (
        <button
          key={p.id}
          type="button"
          className={small}
          title={p.description}
          onClick={() => {
            actions.add(p);
            setAdding(false);
          }}
        >
          {p.label}
        </button>
      ))}
      <button
        type="button"
        className={small}
        onClick={() => {
          actions.add();
          setAdding(false);
        }}
      >
        Blank workload
      </button>
    </div>
  );
  if (n === 1) {
    return (
      <div className="mt-4 text-sm text-slate-600" data-testid="workload-bar">
        <button
          type="button"
          className="font-medium text-brand-700 underline-offset-4 hover:underline"
          aria-expanded={adding}
          onClick={() => setAdding((a) => !a)}
        >
          Several workloads? Add another workload
        </button>
        {adding && (
          <div className="mt-2 rounded-lg border border-slate-200 bg-white p-3">
            <p>
              Workloads on your own GPUs share one fleet and one team; RentOrOwn plans them together. Start the next one
              from:
            </p>
            {presets}
          </div>
        )}
      </div>
    );
  }
  return (
    <section
      aria-label="Workloads"
      className="mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="workload-bar"
    >
      <div className="flex flex-wrap items-center gap-2" role="tablist" aria-label="Workload being edited">
        {draft.workloads.map((w, i) => (
          <button
            key={w.id}
            type="button"
            role="tab"
            aria-selected={i === draft.active}
            onClick={() => actions.select(i)}
            className={`rounded-full px-3 py-1 text-sm ${i === draft.active ? "bg-brand-600 font-semibold text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {i + 1}. {w.name}
          </button>
        ))}
        <button
          type="button"
          className={small}
          disabled={!canAddWorkload(draft)}
          aria-expanded={adding}
          onClick={() => setAdding((a) => !a)}
        >
          + Add workload
        </button>
      </div>
      {adding && presets}
      {!canAddWorkload(draft) && (
        <p className="mt-2 text-xs text-slate-500">At most {MAX_WORKLOADS} workloads in one portfolio.</p>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
        <TextField
          path="name"
          label="Workload name"
          value={active.name}
          onChange={actions.rename}
          error={nameError}
          maxLength={80}
        />
        <div className="flex flex-wrap gap-2 pb-1">
          <button
            type="button"
            className={small}
            onClick={() => actions.move(draft.active, -1)}
            disabled={draft.active === 0}
            aria-label={`Move ${active.name} up`}
          >
            ↑ Move up
          </button>
          <button
            type="button"
            className={small}
            onClick={() => actions.move(draft.active, 1)}
            disabled={draft.active === n - 1}
            aria-label={`Move ${active.name} down`}
          >
            ↓ Move down
          </button>
          <button
            type="button"
            className={small}
            onClick={() => actions.duplicate(draft.active)}
            disabled={!canAddWorkload(draft)}
          >
            Duplicate
          </button>
          <button type="button" className={small} onClick={() => actions.remove(draft.active)}>
            Remove
          </button>
        </div>
      </div>
    </section>
  );
}
