"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { signOutAction } from "./sign-out-action";

// Header slot: who is signed in, and sign in / sign out. It reads the session in the browser so that
// the layout stays free of per-request data and pages such as / and /catalog can be prerendered.
// Pages that need the answer on the server (the result page's Save) read it there and pass it down.

type Session = { user?: { email?: string | null } } | null;

export function AccountMenu() {
  // undefined while loading; null when signed out (or the session could not be read).
  const [session, setSession] = useState<Session | undefined>(undefined);
  useEffect(() => {
    let live = true;
    apiFetch<Session>("/api/auth/session").then(
      (s) => live && setSession(s),
      () => live && setSession(null),
    );
    return () => {
      live = false;
    };
  }, []);
  // Reserve the slot's width while the session loads, so the header does not jump.
  if (session === undefined)
    return (
      <span
        aria-hidden="true"
        className="inline-block h-8 w-20 rounded-md bg-slate-100"
        data-testid="account-loading"
      />
    );
  const email = session?.user?.email;
  if (!email) {
    return (
      <Link
        href="/signin"
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Sign in
      </Link>
    );
  }
  return (
    <form action={signOutAction} onSubmit={() => setSession(null)} className="flex items-center gap-2">
      <Link
        href="/account"
        className="hidden text-sm text-slate-600 hover:underline md:inline"
        data-testid="signed-in-as"
        title="Account and API keys"
      >
        {email}
      </Link>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50"
      >
        Sign out
      </button>
    </form>
  );
}
