import type { ReactNode } from "react";
import { Providers } from "@/components/providers";

/** Saved projects use react-query (lists, rename, share links); only these pages load it. */
export default function ProjectsLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
