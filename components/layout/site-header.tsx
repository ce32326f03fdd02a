import Link from "next/link";
import { Logo } from "./logo";

const NAV = [
  { href: "/assess", label: "Assessment" },
  { href: "/catalog", label: "Price catalog" },
  { href: "/projects", label: "My projects" },
] as const;

export function SiteHeader({ accountSlot }: { accountSlot?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur print:hidden">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link href="/" aria-label="RentOrOwn home" className="text-lg text-ink">
          <Logo />
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm sm:gap-4">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {item.label}
            </Link>
          ))}
          {accountSlot}
        </nav>
      </div>
    </header>
  );
}
