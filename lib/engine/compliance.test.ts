import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { hostedQuote } from "./catalog/market";
import { complianceFor, compliantChannels, requirementsFor } from "./compliance";
import type { ParsedAssessmentInput } from "./schema";

const data = (d: Partial<ParsedAssessmentInput["data"]>) =>
  ({ data: { sensitivity: "regulated", regulations: [], mustStayInHouse: false, sensitiveShare: 1, ...d } }) as Pick<
    ParsedAssessmentInput,
    "data"
  >;
const ids = (option: "api" | "hosted-open", d: Parameters<typeof data>[0], vendor?: string, id = "x/y") =>
  compliantChannels(catalog, option, data(d), vendor ? { vendor, id } : undefined).map((f) => f.channel.id);

describe("compliance matrix (catalog.compliance, read only here)", () => {
  it("GDPR on confidential data leaves EU-hosted open-weights channels usable and names them, in GDPR's terms", () => {
    const gdpr = data({ sensitivity: "confidential", regulations: ["gdpr"] });
    const v = complianceFor(catalog, "hosted-open", gdpr);
    expect(v.covered).toBe(true);
    expect(v.channels.map((c) => c.channel.id)).toEqual(
      expect.arrayContaining(["scaleway", "ovhcloud", "nebius", "aws-bedrock"]),
    );
    expect(v.text).toMatch(/Scaleway Generative APIs \(EU, Paris\)/);
    expect(v.text).toMatch(/data processing agreement \(DPA/);
    expect(v.text).toMatch(/EU residency/);
    expect(v.text).not.toMatch(/business associate/i);
    // US-only providers without EU processing are not among them.
    expect(v.channels.map((c) => c.channel.id)).not.toContain("together");
    expect(v.channels.map((c) => c.channel.id)).not.toContain("groq");
  });

  it("GDPR on internal data needs only a DPA, not EU residency", () => {
    const reqs = requirementsFor(catalog, { sensitivity: "internal", regulations: ["gdpr"] });
    expect(reqs.map((r) => r.cell)).toEqual(["dpa"]);
    expect(requirementsFor(catalog, { sensitivity: "confidential", regulations: ["gdpr"] }).map((r) => r.cell)).toEqual(
      ["dpa", "euResidency"],
    );
  });

  it("HIPAA without an in-house mandate leaves BAA-covered open-weights channels usable, in HIPAA's terms", () => {
    const v = complianceFor(catalog, "hosted-open", data({ regulations: ["hipaa"] }));
    expect(v.covered).toBe(true);
    expect(v.channels.map((c) => c.channel.id)).toEqual(expect.arrayContaining(["aws-bedrock", "groq"]));
    expect(v.text).toMatch(/business associate agreement \(BAA\)/);
    expect(v.text).not.toMatch(/DPA|EU residency/);
    expect(ids("hosted-open", { regulations: ["hipaa"] })).not.toContain("together");
  });

  it("FINRA and ITAR texts say what the firm must verify itself", () => {
    const finra = complianceFor(catalog, "api", data({ regulations: ["finra"] }));
    expect(finra.text).toMatch(/No provider attests to FINRA\. Your firm must verify/);
    expect(finra.text).toMatch(/17a-4/);
    const itar = complianceFor(catalog, "hosted-open", data({ regulations: ["itar"] }));
    expect(itar.text).toMatch(/Your firm must verify itself that only US persons/);
    expect(itar.channels.map((c) => c.channel.id)).toEqual(["aws-bedrock-govcloud"]);
    // No current catalog API model is confirmed in a US-government region: ITAR data cannot go to the proprietary API.
    for (const m of catalog.apiModels)
      expect(
        complianceFor(catalog, "api", data({ regulations: ["itar"] }), { vendor: m.vendor, id: m.id }).covered,
        m.id,
      ).toBe(false);
  });

  it("API channels follow the model's vendor: Anthropic's own API has no EU residency, Bedrock does (partial)", () => {
    const gdpr = { sensitivity: "confidential" as const, regulations: ["gdpr" as const] };
    expect(ids("api", gdpr, "Anthropic")).not.toContain("anthropic-api");
    expect(ids("api", gdpr, "Anthropic")).toContain("aws-bedrock");
    expect(ids("api", gdpr, "OpenAI")).toEqual(expect.arrayContaining(["openai-enterprise", "azure-openai"]));
  });

  it("a partial cell counts only with its condition stated", () => {
    const v = complianceFor(catalog, "hosted-open", data({ sensitivity: "confidential", regulations: ["gdpr"] }));
    const bedrock = v.channels.find((c) => c.channel.id === "aws-bedrock")!;
    expect(bedrock.conditions.join(" ")).toMatch(/EU region/);
    const noPartial = {
      ...catalog,
      compliance: { ...catalog.compliance, policy: { ...catalog.compliance.policy, acceptPartial: false } },
    };
    expect(
      compliantChannels(noPartial, "hosted-open", data({ sensitivity: "confidential", regulations: ["gdpr"] })).map(
        (f) => f.channel.id,
      ),
    ).not.toContain("aws-bedrock");
  });

  it("every cell of every channel carries a grade, a source and a date, and partial cells say what to get", () => {
    for (const ch of catalog.compliance.channels) {
      for (const k of ["baa", "dpa", "euResidency", "zeroDataRetention", "soc2", "fedramp", "pci", "itar"] as const) {
        const cell = ch[k];
        expect(cell.source.length, `${ch.id}.${k}`).toBeGreaterThan(3);
        expect(cell.asOf, `${ch.id}.${k}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(["measured", "derived", "assumed"]).toContain(cell.grade);
        if (cell.status === "partial") expect(cell.note, `${ch.id}.${k} partial without a note`).toBeTruthy();
      }
    }
  });
});

describe("hosted open-weights market", () => {
  const open = data({ regulations: [] });

  it("with no compliance need the price is the median of every provider, the spread their range", () => {
    const q = hostedQuote(catalog, "gpt-oss-120b", open);
    expect(q.eligible.length).toBe(q.offers.length);
    expect(q.offers.length).toBeGreaterThanOrEqual(5);
    const inputs = q.offers.map((o) => o.price.inputUsdPerMTok).sort((a, b) => a - b);
    const mid =
      inputs.length % 2
        ? inputs[(inputs.length - 1) / 2]
        : (inputs[inputs.length / 2 - 1]! + inputs[inputs.length / 2]!) / 2;
    expect(q.price!.inputUsdPerMTok).toBe(mid);
    expect(q.spread.low).toBeLessThan(1);
    expect(q.spread.high).toBeGreaterThan(1);
    expect(q.source).toMatch(/median of \d+ providers/);
  });

  it("under HIPAA only offers on BAA channels count, and they are named", () => {
    const q = hostedQuote(catalog, "gpt-oss-120b", data({ regulations: ["hipaa"] }));
    const channels = new Set(q.eligible.flatMap((o) => o.channels));
    for (const o of q.eligible)
      expect(
        o.channels.some((c) =>
          ["aws-bedrock", "aws-bedrock-govcloud", "groq", "baseten", "azure-openai", "google-vertex"].includes(c),
        ),
        o.label,
      ).toBe(true);
    expect(channels.has("together")).toBe(false);
    expect(q.eligible.length).toBeLessThan(q.offers.length);
    expect(q.source).toMatch(/AWS Bedrock/);
  });

  it("a model with no offer on a compliant channel has no price (the rule excludes hosted open weights)", () => {
    // DeepSeek V3.2's hosts in the catalog (DeepSeek, Fireworks, Novita, Avian) offer no BAA.
    const q = hostedQuote(catalog, "deepseek-v3.2", data({ regulations: ["hipaa"] }));
    expect(q.price).toBeNull();
    expect(q.eligible).toEqual([]);
  });

  it("every hosted model has at least three providers", () => {
    for (const m of catalog.hostedMarket.models) expect(m.offers.length, m.id).toBeGreaterThanOrEqual(3);
  });
});
