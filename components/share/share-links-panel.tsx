"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { formatDate } from "@/lib/format";
import type { ShareLinkDto } from "@/lib/share/schemas";

// Owner's view of a project's read-only links: create (optionally expiring), copy once, revoke.

const shareLinksKey = (projectId: string) => ["projects", projectId, "share-links"] as const;

// Every link expires (the server caps it at a year too); a month is the default, long enough for a board cycle.
const EXPIRY_CHOICES = [
  { label: "Expires in 7 days", days: 7 },
  { label: "Expires in 30 days", days: 30 },
  { label: "Expires in 90 days", days: 90 },
  { label: "Expires in 1 year", days: 365 },
] as const;
const DEFAULT_EXPIRY = EXPIRY_CHOICES.findIndex((c) => c.days === 30);

export function ShareLinksPanel({
  projectId,
  revisionId,
  revisionNumber,
}: {
  projectId: string;
  revisionId: string;
  revisionNumber: number;
}) {
  const queryClient = useQueryClient();
  const [expiryIndex, setExpiryIndex] = useState(DEFAULT_EXPIRY);
  const [created, setCreated] = useState<{ url: string; copied: boolean } | null>(null);

  const links = useQuery({
    queryKey: shareLinksKey(projectId),
    queryFn: async () => (await apiFetch<{ links: ShareLinkDto[] }>(`/api/projects/${projectId}/share-links`)).links,
  });

  const create = useMutation({
    mutationFn: () =>
      apiFetch<{ link: ShareLinkDto; url: string }>(`/api/projects/${projectId}/share-links`, {
        method: "POST",
        body: { revisionId, expiresInDays: EXPIRY_CHOICES[expiryIndex]?.days },
      }),
    onSuccess: ({ url }) => {
      setCreated({ url, copied: false });
      void queryClient.invalidateQueries({ queryKey: shareLinksKey(projectId) });
    },
  });

  const revoke = useMutation({
    mutationFn: (linkId: string) =>
      apiFetch<{ link: ShareLinkDto }>(`/api/share-links/${linkId}`, { method: "PATCH", body: { revoke: true } }),
    // Optimistic: the link shows as revoked at once; a failure rolls back on refetch.
    onMutate: async (linkId) => {
      await queryClient.cancelQueries({ queryKey: shareLinksKey(projectId) });
      const previous = queryClient.getQueryData<ShareLinkDto[]>(shareLinksKey(projectId));
      queryClient.setQueryData<ShareLinkDto[]>(shareLinksKey(projectId), (old) =>
        old?.map((l) => (l.id === linkId ? { ...l, status: "revoked", revokedAt: new Date().toISOString() } : l)),
      );
      return { previous };
    },
    onError: (_e, _id, ctx) => queryClient.setQueryData(shareLinksKey(projectId), ctx?.previous),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shareLinksKey(projectId) }),
  });

  return (
    <section aria-labelledby="share-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="share-heading" className="text-base font-semibold text-ink">
        Share read-only
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Anyone with the link sees revision {revisionNumber} (not later edits) without signing in: the verdict, reasons,
        charts and assumptions, but not your e-mail. Revoke it at any time.
      </p>
      <div className="mt-4 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Expiry</span>
          <select
            value={expiryIndex}
            onChange={(e) => setExpiryIndex(Number(e.target.value))}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {EXPIRY_CHOICES.map((c, i) => (
              <option key={c.label} value={i}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => create.mutate()}
          disabled={create.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create share link"}
        </button>
      </div>
      {create.isError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {create.error.message}
        </p>
      )}
      {created && (
        <div className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">
            Link created. Copy it now: for your security it is not shown again.
          </p>
          <div className="mt-2 flex gap-2">
            <input
              readOnly
              aria-label="New share link"
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-2 py-1.5 font-mono text-xs"
            />
            <button
              type="button"
              className="rounded-md border border-emerald-400 bg-white px-3 py-1.5 font-medium text-emerald-900 hover:bg-emerald-100"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.url).catch(() => undefined);
                setCreated({ ...created, copied: true });
              }}
            >
              {created.copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
      <h3 className="mt-6 text-sm font-semibold text-slate-700">Links</h3>
      {links.isPending && <p className="mt-2 text-sm text-slate-500">Loading links…</p>}
      {links.isError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          Could not load links: {links.error.message}
        </p>
      )}
      {links.data?.length === 0 && <p className="mt-2 text-sm text-slate-500">No links yet.</p>}
      {!!links.data?.length && (
        <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Share links">
          {links.data.map((l) => (
            <li
              key={l.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2"
              data-testid="share-link-row"
            >
              <span>
                <StatusBadge status={l.status} /> Revision {l.revisionNumber} · created {formatDate(l.createdAt)}
                {l.expiresAt && ` · ${l.status === "expired" ? "expired" : "expires"} ${formatDate(l.expiresAt)}`}
                {l.lastViewedAt && ` · last viewed ${formatDate(l.lastViewedAt)}`}
              </span>
              {l.status === "active" && (
                <button
                  type="button"
                  onClick={() => {
                    if (
                      window.confirm("Revoke this link? Anyone who has it will see a 'link no longer available' page.")
                    )
                      revoke.mutate(l.id);
                  }}
                  className="rounded-md border border-red-200 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StatusBadge({ status }: { status: ShareLinkDto["status"] }) {
  const styles = {
    active: "bg-emerald-100 text-emerald-800",
    expired: "bg-slate-200 text-slate-700",
    revoked: "bg-red-100 text-red-800",
  } as const;
  return <span className={`mr-1 rounded px-1.5 py-0.5 text-xs font-semibold ${styles[status]}`}>{status}</span>;
}
