import Link from "next/link";

/** What a result page shows when its link carries no answers, or answers it cannot read. */
export function NoAnswers({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <h1 className="text-2xl font-semibold text-ink">{title}</h1>
      <p className="mt-3 text-slate-600">{message}</p>
      <Link
        href="/assess"
        className="mt-6 inline-block rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700"
      >
        Start the assessment
      </Link>
    </div>
  );
}
