// Hosted open-weights prices as a market: the price of an open model at hosted providers is the
// median of the offers on channels that meet the assessment's compliance need (lib/engine/compliance.ts),
// with the cheapest and dearest of them as the sensitivity range. Pure.
import { compliantChannels, needsCompliance } from "../compliance";
import type { ParsedAssessmentInput } from "../schema";
import type { Catalog, PriceTable } from "./index";
import type { HostedQuote, MarketOffer } from "../types";

export type { HostedQuote, MarketOffer } from "../types";

export function blended(p: PriceTable, blend: { input: number; output: number }) {
  return (p.inputUsdPerMTok * blend.input + p.outputUsdPerMTok * blend.output) / (blend.input + blend.output);
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
}

// Quotes by catalog, keyed by what they read of the input (the model, the data's sensitivity and
// regulations: the compliance need). Shared read-only; bounded, cleared when full.
const quoteCache = new WeakMap<Catalog, Map<string, HostedQuote>>();
const QUOTES_MAX = 2_000;

/** The market quote for one open model under the input's compliance need. */
export function hostedQuote(
  catalog: Catalog,
  modelId: string,
  input: Pick<ParsedAssessmentInput, "data">,
): HostedQuote {
  const key = `${modelId}|${input.data.sensitivity}|${input.data.regulations.join(",")}`;
  let byKey = quoteCache.get(catalog);
  if (!byKey) quoteCache.set(catalog, (byKey = new Map()));
  let q = byKey.get(key);
  if (!q) {
    if (byKey.size >= QUOTES_MAX) byKey.clear();
    byKey.set(key, (q = quoteOf(catalog, modelId, input)));
  }
  return q;
}

function quoteOf(catalog: Catalog, modelId: string, input: Pick<ParsedAssessmentInput, "data">): HostedQuote {
  const m = catalog.hostedMarket.models.find((x) => x.id === modelId);
  if (!m) throw new Error(`catalog has no hosted market for open model ${modelId}`);
  const blend = catalog.apiModelPolicy.blend;
  const byPrice = (a: MarketOffer, b: MarketOffer) =>
    blended(a.price, blend) - blended(b.price, blend) || a.label.localeCompare(b.label);
  const offers = [...m.offers].sort(byPrice);
  const ok = needsCompliance(input)
    ? new Set(compliantChannels(catalog, "hosted-open", input).map((f) => f.channel.id))
    : undefined;
  const eligible = ok ? offers.filter((o) => o.channels.some((c) => ok.has(c))) : offers;
  if (eligible.length === 0) {
    return {
      modelId,
      modelLabel: m.label,
      eligible,
      offers,
      price: null,
      spread: { low: 1, high: 1 },
      source: `no ${m.label} offer on a channel that meets the compliance need`,
      asOf: catalog.apiModelPolicy.priceCheck.asOf,
    };
  }
  const price: PriceTable = {
    inputUsdPerMTok: median(eligible.map((o) => o.price.inputUsdPerMTok)),
    cachedInputUsdPerMTok: median(eligible.map((o) => o.price.cachedInputUsdPerMTok)),
    outputUsdPerMTok: median(eligible.map((o) => o.price.outputUsdPerMTok)),
    tiers: [],
  };
  const mid = blended(price, blend) || 1;
  const names = eligible.map((o) => o.label.replace(/ \(HF router price\)$/, ""));
  return {
    modelId,
    modelLabel: m.label,
    eligible,
    offers,
    price,
    spread: { low: blended(eligible[0]!.price, blend) / mid, high: blended(eligible.at(-1)!.price, blend) / mid },
    source: `median of ${eligible.length} provider${eligible.length > 1 ? "s" : ""}${ok ? " meeting the compliance need" : ""} (${names.join(", ")}): input and output prices each the median`,
    asOf: eligible.map((o) => o.asOf).sort()[0]!,
  };
}
