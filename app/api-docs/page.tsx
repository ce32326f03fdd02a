import Link from "next/link";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { schemaRows, type FieldRow, type JsonSchema } from "@/lib/openapi/reference";

export const metadata = { title: "API reference" };

// The OpenAPI document rendered as a page, on the server, from the same object /api/v1/openapi.json
// serves: no third-party viewer, no CDN.

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema: JsonSchema }> }>;
  security?: unknown[];
};

const doc = buildOpenApiDocument();
const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;

export default function ApiDocsPage() {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      op,
    })),
  );
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-ink">{doc.info.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        Version {doc.info.version} · OpenAPI {doc.openapi}
      </p>
      <p className="mt-4 max-w-3xl text-slate-700">{doc.info.description}</p>
      <p className="mt-3 text-slate-700">
        Machine-readable:{" "}
        <a className="font-mono text-sm text-blue-800 underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (generate a client from it) ·{" "}
        <Link className="text-blue-800 underline" href="/catalog">
          where the figures come from
        </Link>
      </p>
      <p className="mt-3 max-w-3xl text-slate-700">
        No key is needed: anonymous calls are limited per IP address. With an API key from your{" "}
        <Link className="text-blue-800 underline" href="/account">
          account
        </Link>
        , send <code className="font-mono text-sm">Authorization: Bearer roo_…</code> (or{" "}
        <code className="font-mono text-sm">X-API-Key</code>) and the calls count against the key&apos;s higher limit
        instead; an unknown or revoked key is refused with 401.
      </p>
      <nav aria-label="Operations" className="mt-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          {operations.map(({ path, method, op }) => (
            <li key={`${method} ${path}`}>
              <a
                href={`#${op.operationId}`}
                className="inline-block rounded border border-slate-300 px-2 py-1 font-mono text-slate-800 hover:bg-slate-50"
              >
                {method} {path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <OperationSection key={`${method} ${path}`} path={path} method={method} op={op} />
      ))}
    </div>
  );
}

function OperationSection({ path, method, op }: { path: string; method: string; op: Operation }) {
  const body = op.requestBody?.content["application/json"];
  const ok = op.responses?.["200"]?.content?.["application/json"]?.schema;
  const curl = body?.example
    ? `curl -X ${method} "$ORIGIN${path}" \\\n  -H 'content-type: application/json' \\\n  -d '${JSON.stringify(body.example)}'`
    : `curl "$ORIGIN${path}"`;
  return (
    <section
      id={op.operationId}
      aria-labelledby={`${op.operationId}-title`}
      className="mt-10 border-t border-slate-200 pt-8"
    >
      <h2 id={`${op.operationId}-title`} className="text-xl font-semibold text-ink">
        <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 font-mono text-sm text-white">{method}</span>
        <span className="font-mono">{path}</span>
      </h2>
      <p className="mt-2 font-medium text-slate-800">{op.summary}</p>
      {op.description && <p className="mt-1 max-w-3xl text-slate-700">{op.description}</p>}
      {op.parameters && op.parameters.length > 0 && (
        <FieldTable
          caption="Parameters"
          rows={op.parameters.map((p) => ({
            ...schemaRows(
              { properties: { [p.name]: p.schema ?? {} }, required: p.required ? [p.name] : [] },
              components,
              1,
            )[0]!,
            path: `${p.name} (${p.in})`,
            description: p.description ?? p.schema?.description,
          }))}
        />
      )}
      {body && <FieldTable caption="Request body (application/json)" rows={schemaRows(body.schema, components)} />}
      <h3 className="mt-6 font-semibold text-slate-800">Example</h3>
      <pre
        tabIndex={0}
        aria-label={`Example request: ${method} ${path}`}
        className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
      >
        <code>{curl}</code>
      </pre>
      <h3 className="mt-6 font-semibold text-slate-800">Responses</h3>
      <ul className="mt-2 space-y-1 text-sm text-slate-700">
        {Object.entries(op.responses ?? {}).map(([status, r]) => (
          <li key={status}>
            <span className="font-mono font-semibold">{status}</span> — {r.description}
          </li>
        ))}
      </ul>
      {ok?.$ref && (
        <FieldTable
          caption={`200 body: ${ok.$ref.split("/").pop()} (further fields may appear)`}
          rows={schemaRows(ok, components, 2)}
        />
      )}
    </section>
  );
}

function FieldTable({ caption, rows }: { caption: string; rows: FieldRow[] }) {
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-800">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-1 pr-3">
              Field
            </th>
            <th scope="col" className="py-1 pr-3">
              Type
            </th>
            <th scope="col" className="py-1 pr-3">
              Required
            </th>
            <th scope="col" className="py-1 pr-3">
              Default
            </th>
            <th scope="col" className="py-1 pr-3">
              Allowed
            </th>
            <th scope="col" className="py-1">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.path} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal text-slate-900">
                {r.path}
              </th>
              <td className="py-1 pr-3 font-mono text-xs">{r.type}</td>
              <td className="py-1 pr-3">{r.required ? "yes" : "no"}</td>
              <td className="py-1 pr-3 font-mono text-xs">{r.default ?? ""}</td>
              <td className="py-1 pr-3 text-xs">{r.constraints.join("; ")}</td>
              <td className="py-1 text-slate-700">{r.description ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
