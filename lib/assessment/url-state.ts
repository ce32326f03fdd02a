import LZString from "lz-string"; // CommonJS package: default import works in Node ESM, Next and the browser
import { assessmentInputSchema, type AssessmentInput, type ParsedAssessmentInput } from "@/lib/engine/schema";
import { portfolioInputSchema, type ParsedPortfolioInput, type PortfolioInput } from "@/lib/engine/portfolio/schema";

// The result URL carries the answers: `/assess/result?a=<lz-string of the JSON input>`. Anyone
// with the link reproduces the result without an account. Decoding validates with the schema.

export function encodeAnswers(input: AssessmentInput): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(input));
}

export type DecodeResult = { ok: true; input: ParsedAssessmentInput } | { ok: false; error: string };

export function decodeAnswers(encoded: string | null | undefined): DecodeResult {
  if (!encoded) return { ok: false, error: "This link has no answers in it." };
  const json = LZString.decompressFromEncodedURIComponent(encoded);
  if (!json) return { ok: false, error: "This link is damaged: its answers could not be read." };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: "This link is damaged: its answers could not be read." };
  }
  const parsed = assessmentInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `This link's answers are incomplete or out of range (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}).` };
  }
  return { ok: true, input: parsed.data };
}

export const resultPath = (input: AssessmentInput) => `/assess/result?a=${encodeAnswers(input)}`;

// A portfolio's answers travel the same way: `/assess/portfolio?p=<lz-string of the PortfolioInput>`.
export function encodePortfolio(input: PortfolioInput): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(input));
}

export type DecodePortfolioResult = { ok: true; input: ParsedPortfolioInput } | { ok: false; error: string };

export function decodePortfolio(encoded: string | null | undefined): DecodePortfolioResult {
  if (!encoded) return { ok: false, error: "This link has no answers in it." };
  const json = LZString.decompressFromEncodedURIComponent(encoded);
  let raw: unknown;
  try {
    raw = json ? JSON.parse(json) : undefined;
  } catch {
    raw = undefined;
  }
  if (raw === undefined) return { ok: false, error: "This link is damaged: its answers could not be read." };
  const parsed = portfolioInputSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, error: `This link's answers are incomplete or out of range (${i?.path.join(".")}: ${i?.message}).` };
  }
  return { ok: true, input: parsed.data };
}

export const portfolioPath = (input: PortfolioInput) => `/assess/portfolio?p=${encodePortfolio(input)}`;
