// The ONE reader of the compliance matrix (catalog/compliance.json → catalog.compliance): which
// external channels (provider × deployment) meet what an assessment's regulations need, in the
// right words per regulation (BAA for HIPAA, DPA / EU residency for GDPR, PCI DSS scope, SOC 2,
// FedRAMP level; for FINRA and ITAR what the firm must verify itself). The exclusion rules, the
// hybrid split and the hosted open-weights market all call it. Pure.
import type { Catalog } from "./catalog";
import type { ParsedAssessmentInput, Regulation, SENSITIVITIES } from "./schema";
import { REGULATION_LABELS } from "./vocabulary";

export type ComplianceChannel = Catalog["compliance"]["channels"][number];
type CellKey = "baa" | "dpa" | "euResidency" | "zeroDataRetention" | "soc2" | "fedramp" | "pci" | "itar";
export type ExternalOption = "api" | "hosted-open";

/** One thing a channel must offer, named as the regulation names it. */
export type Requirement = { regulation: Regulation; cell: CellKey; term: string };

/** Regulated data that needs a covering channel before it may leave the house (SOC 2 alone on non-regulated data does not). */
export function needsCompliance(input: Pick<ParsedAssessmentInput, "data">): boolean {
  const regs = input.data.regulations;
  return regs.length > 0 && (input.data.sensitivity === "regulated" || regs.some((r) => r !== "soc2"));
}

/** What each regulation that applies needs from an external channel (catalog.compliance.policy). */
export function requirementsFor(
  catalog: Catalog,
  data: { regulations: readonly Regulation[]; sensitivity: (typeof SENSITIVITIES)[number] },
): Requirement[] {
  const policy = catalog.compliance.policy;
  const out: Requirement[] = [];
  for (const regulation of data.regulations) {
    switch (regulation) {
      case "hipaa":
        out.push({ regulation, cell: "baa", term: "a business associate agreement (BAA)" });
        break;
      case "gdpr":
        out.push({ regulation, cell: "dpa", term: "a data processing agreement (DPA, GDPR Art. 28)" });
        if ((policy.gdprEuResidencyFor as readonly string[]).includes(data.sensitivity))
          out.push({ regulation, cell: "euResidency", term: "processing inside the EU (EU residency)" });
        break;
      case "pci":
        out.push({ regulation, cell: "pci", term: "the service inside the provider's PCI DSS attestation" });
        break;
      case "soc2":
        out.push({ regulation, cell: "soc2", term: "a SOC 2 Type 2 report" });
        break;
      case "fedramp":
        out.push({ regulation, cell: "fedramp", term: "a FedRAMP authorization" });
        break;
      case "finra":
        // No provider attests to FINRA: the firm verifies; RentOrOwn asks for a SOC 2 report for its vendor due diligence.
        out.push({ regulation, cell: "soc2", term: "a SOC 2 report for your FINRA vendor due diligence" });
        break;
      case "itar":
        out.push({ regulation, cell: "itar", term: "a US-government boundary with US-person-only administration" });
        break;
    }
  }
  return out;
}

/** The firm's own checks for FINRA and ITAR (no provider can attest to them). */
export function firmMustVerify(catalog: Catalog, regulations: readonly Regulation[]): string[] {
  const f = catalog.compliance.firmMustVerify;
  return [
    ...(regulations.includes("finra") ? [f.finra.text] : []),
    ...(regulations.includes("itar") ? [f.itar.text] : []),
  ];
}

export type ChannelFit = {
  channel: ComplianceChannel;
  /** Conditions of "partial" cells: what to get in the contract. */
  conditions: string[];
};

/** Whether one channel meets every requirement ("partial" counts when the policy says so, with its condition). */
export function channelFit(
  catalog: Catalog,
  channel: ComplianceChannel,
  reqs: readonly Requirement[],
): ChannelFit | undefined {
  const acceptPartial = catalog.compliance.policy.acceptPartial;
  const conditions: string[] = [];
  for (const r of reqs) {
    const cell = channel[r.cell];
    if (cell.status === "yes") continue;
    if (cell.status === "partial" && acceptPartial) {
      conditions.push(`${REGULATION_LABELS[r.regulation]}: ${cell.note ?? cell.source}`);
      continue;
    }
    return undefined;
  }
  return { channel, conditions: [...new Set(conditions)] };
}

/** The proprietary model priced: its vendor and catalog id. */
export type ApiModelRef = { vendor: string; id: string };

function servesApiModel(c: ComplianceChannel, api: ApiModelRef | undefined) {
  if (!api) return true;
  if (c.vendors && !c.vendors.includes(api.vendor)) return false;
  return !c.apiModels || c.apiModels.includes(api.id);
}

/**
 * The channels of `option` that meet the input's compliance need, in catalog order (plain provider
 * first, private deployments after). `api` narrows API channels to those serving that model (its vendor, and the channel's model list when it has one).
 */
export function compliantChannels(
  catalog: Catalog,
  option: ExternalOption,
  input: Pick<ParsedAssessmentInput, "data">,
  api?: ApiModelRef,
): ChannelFit[] {
  const reqs = requirementsFor(catalog, input.data);
  return catalog.compliance.channels
    .filter((c) => (c.serves as string[]).includes(option) && (option !== "api" || servesApiModel(c, api)))
    .map((c) => channelFit(catalog, c, reqs))
    .filter((f): f is ChannelFit => f !== undefined);
}

export type ComplianceVerdict = {
  /** Whether the input needs a covering channel at all. */
  required: boolean;
  covered: boolean;
  channels: ChannelFit[];
  /** The sentence the result shows: which channels, with the regulation's own terms, or why none. */
  text: string;
};

const OPTION_NOUN: Record<ExternalOption, string> = { api: "proprietary API", "hosted-open": "hosted open-weights" };

function joinNames(xs: string[]) {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`;
}

/** Can regulated data go to `option`, and on which channels? */
export function complianceFor(
  catalog: Catalog,
  option: ExternalOption,
  input: Pick<ParsedAssessmentInput, "data">,
  api?: ApiModelRef,
  /** Only these channels (e.g. those where a provider sells the priced open model). */
  only?: ReadonlySet<string>,
): ComplianceVerdict {
  const required = needsCompliance(input);
  const channels = compliantChannels(catalog, option, input, api).filter((f) => !only || only.has(f.channel.id));
  if (!required) return { required, covered: true, channels, text: "" };
  const regs = input.data.regulations;
  const names = joinNames(regs.map((r) => REGULATION_LABELS[r]));
  const terms = joinNames([...new Set(requirementsFor(catalog, input.data).map((r) => r.term))]);
  const firm = firmMustVerify(catalog, regs);
  if (channels.length === 0) {
    return {
      required,
      covered: false,
      channels,
      text: `No ${OPTION_NOUN[option]} channel in the catalog${api && option === "api" ? ` for ${api.id}` : ""} offers ${terms}, which ${names} ${regs.length > 1 ? "need" : "needs"} here.`,
    };
  }
  const conditions = [...new Set(channels.flatMap((c) => c.conditions))];
  const text =
    `${names} can be met on ${joinNames(channels.map((c) => c.channel.label))}: each offers ${terms}.` +
    (conditions.length ? ` Conditions: ${conditions.join("; ")}.` : "") +
    (firm.length ? ` ${firm.join(" ")}` : "") +
    " Verify the contract tier before sending regulated data.";
  return { required, covered: true, channels, text };
}
