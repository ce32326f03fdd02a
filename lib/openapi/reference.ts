// Flattens a JSON Schema (as rendered in the OpenAPI document) into one row per field, for the
// self-rendered reference page (app/api-docs): `volume.requestsPerDay`, its type, whether it is
// required, its default, bounds or allowed values, and its description.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
  $ref?: string;
};

export type FieldRow = {
  path: string;
  type: string;
  required: boolean;
  default?: string;
  constraints: string[];
  description?: string;
};

export function schemaRows(schema: JsonSchema, components: Record<string, JsonSchema> = {}, maxDepth = 6): FieldRow[] {
  const rows: FieldRow[] = [];
  const resolve = (s: JsonSchema): JsonSchema =>
    s.$ref ? (components[s.$ref.replace("#/components/schemas/", "")] ?? s) : s;

  const walk = (raw: JsonSchema, path: string, required: boolean, depth: number) => {
    const s = resolve(raw);
    const variants = (s.anyOf ?? s.oneOf)?.map(resolve);
    const objectLike = s.properties ?? variants?.find((v) => v.properties)?.properties;
    if (path)
      rows.push({
        path,
        type: typeOf(s),
        required,
        default: s.default === undefined ? undefined : JSON.stringify(s.default),
        constraints: constraintsOf(s),
        description: s.description,
      });
    if (depth >= maxDepth) return;
    if (objectLike) {
      const req = new Set(s.required ?? variants?.find((v) => v.properties)?.required ?? []);
      for (const [key, child] of Object.entries(objectLike))
        walk(child, path ? `${path}.${key}` : key, req.has(key), depth + 1);
    } else if (s.items && resolve(s.items).properties) {
      walk(s.items, `${path}[]`, true, depth + 1);
    }
  };
  walk(schema, "", true, 0);
  // An array's own row and its item row say the same thing twice when the item is an object.
  return rows.filter((r, i) => !(r.path.endsWith("[]") && rows[i - 1]?.path === r.path.slice(0, -2) && !r.description));
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return "enum";
  if (s.const !== undefined) return JSON.stringify(s.const);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return [...new Set(variants.map(typeOf))].join(" | ");
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  if (t === "array" && s.items) return `${typeOf(s.items)}[]`;
  return t;
}

function constraintsOf(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.enum) out.push(s.enum.map((v) => JSON.stringify(v)).join(", "));
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems} items`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
  if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  if (s.pattern) out.push(`matches ${s.pattern}`);
  if (s.items?.enum) out.push(`each one of ${s.items.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  return out;
}
