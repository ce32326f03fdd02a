import { capacityCatalog } from "@/lib/engine/capacity";
import { catalog } from "@/lib/engine";
import type { ModelIdsOfLabels } from "./stored-revision";

// Server-side: the catalog ids of the models an old stored Evaluation names by label only (its
// comparison.apiModel "Claude Sonnet 5 (Anthropic)", hostedModel "Qwen3 32B (median of 3 providers)").

const norm = (x: string) =>
  x
    .toLowerCase()
    .replace(/\(.*\)/g, "")
    .replace(/[^a-z0-9]/g, "");

export const catalogModelIds: ModelIdsOfLabels = {
  api: (label) => catalog.apiModels.find((m) => m.label === label)?.id,
  hostedOpen: (label) => {
    const h = norm(label);
    // The longest open-model label the hosted label starts with ("Llama 3.3 70B Instruct" before "Llama 3").
    const hits = capacityCatalog(catalog).openModels.filter(
      (o) => norm(o.label) && (h.startsWith(norm(o.label)) || norm(o.label).startsWith(h)),
    );
    return hits.sort((a, b) => norm(b.label).length - norm(a.label).length)[0]?.id;
  },
};
