import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { outboxEnabled } from "@/lib/server/mail";

export const metadata = { title: "Check your email", robots: { index: false } };
// Whether the local outbox is on is a runtime setting, not a build-time one.
export const dynamic = "force-dynamic";

/** Where Auth.js sends the browser after it has e-mailed a magic link (`pages.verifyRequest`). */
export default function CheckEmailPage() {
  const outbox = outboxEnabled();
  return (
    <div className="mx-auto max-w-md px-4 py-16 sm:px-6">
      <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <Logo className="text-lg text-ink" />
        <svg aria-hidden="true" viewBox="0 0 48 48" className="mt-8 h-12 w-12 text-brand-600">
          <rect x="4" y="10" width="40" height="28" rx="4" fill="none" stroke="currentColor" strokeWidth="3" />
          <path d="M6 13 L24 27 L42 13" fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" />
        </svg>
        <h1 className="mt-4 text-2xl font-semibold tracking-tight text-ink">Check your email</h1>
        <p className="mt-3 text-slate-600">
          We sent you a sign-in link. Open it on this device to finish signing in; it works once and expires in 24
          hours.
        </p>
        <p className="mt-3 text-sm text-slate-500">
          Nothing after a few minutes? Check your spam folder, or ask for a new link.
        </p>
        {outbox && (
          <p className="mt-6 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="outbox-hint">
            Development: no mail server is configured, so the link is in the{" "}
            <Link href="/dev/outbox" className="font-semibold underline underline-offset-2">
              local outbox
            </Link>
            .
          </p>
        )}
        <div className="mt-8 flex flex-wrap items-center gap-4 text-sm">
          <Link
            href="/signin"
            className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            Use a different address
          </Link>
          <Link href="/" className="font-medium text-brand-700 hover:underline">
            Back to RentOrOwn
          </Link>
        </div>
      </div>
    </div>
  );
}
