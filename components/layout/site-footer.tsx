import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>RentOrOwn — a transparent rules-plus-cost engine. Every figure carries its source and date.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/catalog" className="hover:text-slate-800">
            Sources &amp; catalog
          </Link>
          <Link href="/api-docs" className="hover:text-slate-800">
            API reference
          </Link>
          <Link href="/api/health" className="hover:text-slate-800">
            Status
          </Link>
        </nav>
      </div>
    </footer>
  );
}
