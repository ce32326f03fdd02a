"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { formatDate } from "@/lib/format";
import type { ApiKeySummary } from "@/lib/api-keys";

// The account's keys for the public API: create (the key is shown once), see when each was last
// used, revoke.

const keysKey = ["account", "api-keys"] as const;

export function ApiKeysPanel({ anonymousLimit, keyLimit }: { anonymousLimit: string; keyLimit: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);

  const keys = useQuery({
    queryKey: keysKey,
    queryFn: async () => (await apiFetch<{ keys: ApiKeySummary[] }>("/api/account/api-keys")).keys,
  });

  const create = useMutation({
    mutationFn: (keyName: string) =>
      apiFetch<{ key: string; apiKey: ApiKeySummary }>("/api/account/api-keys", {
        method: "POST",
        body: { name: keyName },
      }),
    onSuccess: ({ key, apiKey }) => {
      setCreated({ key, name: apiKey.name });
      setName("");
      void queryClient.invalidateQueries({ queryKey: keysKey });
    },
  });

  const revoke = useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ apiKey: ApiKeySummary }>(`/api/account/api-keys/${id}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysKey }),
  });

  return (
    <section aria-labelledby="api-keys-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="api-keys-heading" className="text-base font-semibold text-ink">
        API keys
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The public API (<code>/api/v1/*</code>) needs no key: anonymous calls get {anonymousLimit}. Send a key as{" "}
        <code>Authorization: Bearer roo_…</code> (or <code>X-API-Key</code>) to get {keyLimit} instead. Only a hash of
        each key is stored: copy it when it is shown.
      </p>
      <form
        className="mt-4 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(name);
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Key name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. CI pipeline"
            maxLength={60}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Create API key
        </button>
      </form>
      {create.error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {create.error.message}
        </p>
      )}
      {created && (
        <div className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="new-api-key">
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-800">New key “{created.name}” (shown once)</span>
            <input
              readOnly
              value={created.key}
              onFocus={(e) => e.currentTarget.select()}
              className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
            />
          </label>
        </div>
      )}
      <table className="mt-5 w-full border-collapse text-left text-sm" data-testid="api-keys">
        <caption className="sr-only">Your API keys</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-1 pr-3">
              Name
            </th>
            <th scope="col" className="py-1 pr-3">
              Key
            </th>
            <th scope="col" className="py-1 pr-3">
              Created
            </th>
            <th scope="col" className="py-1 pr-3">
              Last used
            </th>
            <th scope="col" className="py-1">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.data?.length === 0 && (
            <tr>
              <td colSpan={5} className="py-2 text-slate-600">
                No keys yet.
              </td>
            </tr>
          )}
          {keys.data?.map((k) => (
            <tr key={k.id} className="border-b border-slate-100" data-testid="api-key-row">
              <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
                {k.name}
              </th>
              <td className="py-2 pr-3 font-mono text-xs">{k.prefix}…</td>
              <td className="py-2 pr-3">{formatDate(k.createdAt)}</td>
              <td className="py-2 pr-3">{k.lastUsedAt ? formatDate(k.lastUsedAt) : "never"}</td>
              <td className="py-2">
                {k.revokedAt ? (
                  <span className="text-slate-600">revoked {formatDate(k.revokedAt)}</span>
                ) : (
                  <button
                    type="button"
                    onClick={() => revoke.mutate(k.id)}
                    className="rounded border border-rose-300 px-2 py-0.5 text-rose-700 hover:bg-rose-50"
                    aria-label={`Revoke ${k.name}`}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
