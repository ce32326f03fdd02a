import type { AssessmentInput } from "@/lib/engine/schema";
import airGapped from "@/examples/air-gapped-factory.json" with { type: "json" };
import earlyPrototype from "@/examples/early-prototype.json" with { type: "json" };
import highVolumeSaas from "@/examples/high-volume-saas.json" with { type: "json" };
import hospital from "@/examples/hospital-patient-data.json" with { type: "json" };

// Example companies: every step of the questionnaire answered (the CLI's sample inputs, examples/*.json,
// kept valid by lib/engine/examples.test.ts), so one click reaches the review and then a result.

export type CompanyPreset = { id: string; label: string; description: string; input: AssessmentInput };

export const COMPANY_PRESETS: readonly CompanyPreset[] = [
  {
    id: "early-prototype",
    label: "Early-stage startup",
    description: "A prototype, no ML-ops team, shipping in weeks",
    input: earlyPrototype as AssessmentInput,
  },
  {
    id: "high-volume-saas",
    label: "High-volume SaaS",
    description: "2M requests a day, a dedicated ML team, lock-in averse",
    input: highVolumeSaas as AssessmentInput,
  },
  {
    id: "hospital",
    label: "Hospital group",
    description: "Patient data under HIPAA that must stay in house",
    input: hospital as AssessmentInput,
  },
  {
    id: "air-gapped",
    label: "Air-gapped factory",
    description: "Confidential data, no internet on site",
    input: airGapped as AssessmentInput,
  },
];
