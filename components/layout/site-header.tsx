import Link from "next/link";
import { Logo } from "./logo";
import { MobileMenu } from "./mobile-menu";

export const NAV = [
  { href: "/assess", label: "Assessment" },
  { href: "/catalog", label: "Price catalog" },
  { href: "/projects", label: "My projects" },
] as const;

// Below `sm` the links fold into a menu button so the header fits a 390 px phone (logo, sign-in, menu).
export function SiteHeader({ accountSlot }: { accountSlot?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur print:hidden" data-testid="site-header">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <Link href="/" aria-label="RentOrOwn home" className="shrink-0 text-lg text-ink">
          <Logo />
        </Link>
        <div className="flex min-w-0 items-center gap-2 text-sm sm:gap-4">
          <nav aria-label="Main" className="hidden items-center gap-4 sm:flex">
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                {item.label}
              </Link>
            ))}
          </nav>
          {accountSlot}
          <MobileMenu links={NAV} />
        </div>
      </div>
    </header>
  );
}
