import { CatalogTable } from "@/components/catalog/catalog-table";
import { catalogRows } from "@/lib/catalog/rows";
import { catalog } from "@/lib/engine";

export const metadata = { title: "Price catalog and sources" };

export default function CatalogPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-ink">Every figure the engine uses</h1>
      <p className="mt-3 max-w-3xl text-slate-600">
        Catalog <span className="font-mono text-sm">{catalog.catalogVersion}</span>, as of {catalog.asOf}. API and hosted open-weights prices come from{" "}
        {catalog.priceLibrary.name} {catalog.priceLibrary.version} (published {catalog.priceLibrary.published}); GPU rates, throughput, people and
        overheads from the sources named on each row. Any figure can be overridden in an assessment&apos;s assumptions panel.
      </p>
      <div className="mt-8">
        <CatalogTable rows={catalogRows()} />
      </div>
    </div>
  );
}
