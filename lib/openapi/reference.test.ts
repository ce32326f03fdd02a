import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { schemaRows, type JsonSchema } from "./reference";

describe("schemaRows (the API reference page's field tables)", () => {
  const doc = buildOpenApiDocument();
  const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const body = (p: string) =>
    (doc.paths![p]!.post!.requestBody as { content: Record<string, { schema: JsonSchema }> }).content[
      "application/json"
    ]!.schema;

  it("lists every input field with its path, requiredness, default, bounds and description", () => {
    const rows = schemaRows(body("/api/v1/evaluate"), components);
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get("volume.requestsPerDay")).toMatchObject({
      type: "number",
      required: true,
      constraints: ["≥ 0", "≤ 10000000000"],
      description: "average LLM calls per day today",
    });
    expect(byPath.get("volume.monthlyGrowthPct")).toMatchObject({ required: false, default: "0" });
    expect(byPath.get("data.sensitivity")).toMatchObject({ type: "enum", required: true });
    expect(byPath.get("data.sensitivity")!.constraints[0]).toContain('"regulated"');
    expect(byPath.get("assumptions")?.required).toBe(false);
    expect(rows.some((r) => r.path === "assumptions.gpu.usdPerHour")).toBe(true);
  });

  it("walks into arrays of objects and resolves component references", () => {
    const rows = schemaRows(body("/api/v1/portfolio"), components);
    expect(rows.find((r) => r.path === "workloads")).toMatchObject({
      required: true,
      constraints: ["at least 1 items", "at most 20 items"],
    });
    expect(rows.some((r) => r.path === "workloads[].volume.requestsPerDay")).toBe(true);
    const result = schemaRows({ $ref: "#/components/schemas/Evaluation" }, components);
    expect(result.find((r) => r.path === "recommendation")?.constraints[0]).toContain('"self-hosted"');
  });
});
