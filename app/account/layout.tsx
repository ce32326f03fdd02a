import type { ReactNode } from "react";
import { Providers } from "@/components/providers";

/** The account page's API keys panel uses react-query, as the projects pages do. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
