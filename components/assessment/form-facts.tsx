"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { FormFacts } from "@/lib/assessment/form-facts";

// The catalog figures and GPU names the steps show, computed on the server (app/assess/page.tsx →
// formFacts(catalog)) so the questionnaire's first load does not carry the catalog snapshot.
const FormFactsContext = createContext<FormFacts | null>(null);

export function FormFactsProvider({ facts, children }: { facts: FormFacts; children: ReactNode }) {
  return <FormFactsContext.Provider value={facts}>{children}</FormFactsContext.Provider>;
}

export function useFormFacts(): FormFacts {
  const facts = useContext(FormFactsContext);
  if (!facts)
    throw new Error(
      "useFormFacts: the questionnaire needs its FormFactsProvider (app/assess/page.tsx passes the facts)",
    );
  return facts;
}
