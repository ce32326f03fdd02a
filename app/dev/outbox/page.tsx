import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { latestOutbox, outboxPageAllowed } from "@/lib/server/mail";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Local outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

// Development and tests only: the mails that would have been sent, newest first. In a production
// build (tests only) it answers requests made directly to INTERNAL_URL, never the public origin.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!outboxPageAllowed(await headers())) notFound();
  const { to } = await searchParams;
  const mails = await latestOutbox(to);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Local outbox</h1>
      <p className="mt-2 text-sm text-slate-600">
        No SMTP server is configured (set SMTP_URL to send real mail). Newest first{to ? `, for ${to}` : ""}.
      </p>
      {mails.length === 0 && <p className="mt-6 text-slate-500">No mail yet.</p>}
      <ul className="mt-6 space-y-4">
        {mails.map((m) => {
          const link = /https?:\/\/\S+/.exec(m.text)?.[0];
          return (
            <li
              key={m.id}
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
              data-testid="outbox-mail"
            >
              <p className="text-sm text-slate-500">
                To <span className="font-medium text-slate-800">{m.to}</span> · {formatDate(m.createdAt)}{" "}
                {m.createdAt.toISOString().slice(11, 19)} UTC
              </p>
              <p className="mt-1 font-medium text-ink">{m.subject}</p>
              <details className="mt-2 text-sm text-slate-600">
                <summary className="cursor-pointer select-none text-slate-500 hover:text-slate-700">
                  Message text
                </summary>
                <pre className="mt-2 whitespace-pre-wrap break-all rounded-md bg-slate-50 p-3 font-sans text-xs">
                  {m.text}
                </pre>
              </details>
              {link && (
                <a
                  href={link}
                  className="mt-2 inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
                >
                  Open sign-in link
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
