import { CatalogTable } from "@/components/catalog/catalog-table";
import { catalogRows, channelSummaries, hostedModels } from "@/lib/catalog/rows";
import { catalog, figureOf } from "@/lib/engine/catalog";

export const metadata = { title: "Catalog: every figure with its evidence" };

export default function CatalogPage() {
  const p = catalog.apiModelPolicy;
  const tps = figureOf(catalog, "capacity.hostedOpen.outputTokensPerSecond");
  const ttft = figureOf(catalog, "capacity.hostedOpen.timeToFirstTokenSeconds");
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-ink">Every figure the engine uses</h1>
      <p className="mt-3 max-w-3xl text-slate-600">
        Catalog <span className="font-mono text-sm">{catalog.catalogVersion}</span>. Each row shows the value, its
        plausible range, the kind of evidence behind it, its source and the date it was checked. Blended prices weigh{" "}
        {p.blend.input} input tokens to {p.blend.output} output token. API and hosted open-weights prices come from{" "}
        {catalog.priceLibrary.name} {catalog.priceLibrary.version} as in force on {p.pricedAt}; everything else from the
        source on its row. Any figure the engine uses can be overridden in an assessment&apos;s assumptions panel.
      </p>
      <div className="mt-8">
        <CatalogTable
          rows={catalogRows()}
          models={hostedModels()}
          channels={channelSummaries()}
          blend={{ input: p.blend.input, output: p.blend.output }}
          speed={{ tokensPerSecond: tps.value, ttftSeconds: ttft.value, source: tps.source }}
        />
      </div>
    </div>
  );
}
