"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

// react-query for the parts that list and change saved projects. Not in the root layout: pages
// without such parts (landing, catalog, assessment) do not download it. Every provider in a tab
// shares one QueryClient, so islands on one page (list, controls, share links) see the same cache.

const options = { defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } } as const;
let browserClient: QueryClient | undefined;
const queryClient = () =>
  typeof window === "undefined" ? new QueryClient(options) : (browserClient ??= new QueryClient(options));

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(queryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
