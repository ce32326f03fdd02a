import { catalog, type Catalog } from "@/lib/engine";
import { formatNumber } from "@/lib/format";

// Every figure in the catalog snapshot as one flat, searchable list for the /catalog page.
export type CatalogRow = { section: string; item: string; value: string; source: string; asOf: string };

export function catalogRows(c: Catalog = catalog): CatalogRow[] {
  const rows: CatalogRow[] = [];
  const price = (p: Catalog["apiModels"][number]["price"]) =>
    `$${formatNumber(p.inputUsdPerMTok, 4)} in · $${formatNumber(p.cachedInputUsdPerMTok, 4)} cached · $${formatNumber(p.outputUsdPerMTok, 4)} out per 1M tokens` +
    p.tiers.map((t) => `; prompts over ${formatNumber(t.fromInputTokens)} tokens: $${formatNumber(t.inputUsdPerMTok, 4)} / $${formatNumber(t.outputUsdPerMTok, 4)}`).join("");
  for (const m of c.apiModels) rows.push({ section: `Proprietary API · ${m.tier} tier`, item: `${m.label}${m.default ? " (default)" : ""}`, value: price(m.price), source: m.source, asOf: m.asOf });
  for (const m of c.hostedOpenModels) rows.push({ section: `Hosted open-weights · ${m.sizeClass}`, item: `${m.label}${m.default ? " (default)" : ""}`, value: price(m.price), source: m.source, asOf: m.asOf });
  for (const p of c.throughput.points) {
    rows.push({
      section: `Throughput · ${p.sizeClass} model`,
      item: `${p.inputTokens} in / ${p.outputTokens} out tokens per request`,
      value: `${formatNumber(p.outputTokensPerSecond)} output tokens/s${p.maxThroughput ? " (max throughput; engine divides by the SLO headroom)" : " (under the latency SLO)"}`,
      source: p.source,
      asOf: p.asOf,
    });
  }
  rows.push({ section: "Throughput", item: "Max-to-SLO headroom", value: `÷${c.throughput.sloHeadroomFactor.value}`, source: c.throughput.sloHeadroomFactor.source, asOf: c.throughput.sloHeadroomFactor.asOf });
  for (const [key, f] of Object.entries(c.figures)) {
    rows.push({ section: f.group, item: `${f.label} (${key})`, value: `${formatNumber(f.value, 4)} ${f.unit} (range ${formatNumber(f.low, 4)}–${formatNumber(f.high, 4)})`, source: f.source, asOf: f.asOf });
  }
  for (const ch of c.compliance.channels) {
    rows.push({
      section: "Provider compliance",
      item: ch.label,
      value: `covers ${ch.covers.map((r) => r.toUpperCase()).join(", ")}; ZDR ${ch.zeroDataRetention ? "yes" : "no"}; BAA ${ch.baa ? "yes" : "no"}; residency ${ch.dataResidency.join(", ")}${ch.privateDeployment ? "; private deployment" : ""}`,
      source: ch.source,
      asOf: ch.asOf,
    });
  }
  for (const [factor, w] of Object.entries(c.policy.weights)) {
    rows.push({ section: `Scoring policy (${c.policy.version})`, item: `Weight of ${factor}`, value: `${Math.round(w * 100)}%`, source: c.policy.source, asOf: c.policy.asOf });
  }
  return rows;
}
