import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account-menu";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

// Self-hosted (no network at build time): the variable Inter font shipped in @fontsource-variable/inter.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "RentOrOwn — rent an LLM API or run your own?", template: "%s · RentOrOwn" },
  description:
    "A transparent decision engine for CTOs: proprietary API, hosted open-weights, self-hosted GPUs or hybrid — with reasons, conflicts, total cost of ownership and break-even curves.",
};

export const viewport: Viewport = { themeColor: "#0f2350" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader accountSlot={<AccountMenu />} />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
