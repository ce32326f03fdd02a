import LZString from "lz-string"; // CommonJS package: default import works in Node ESM, Next and the browser
import { assessmentInputSchema, type AssessmentInput, type ParsedAssessmentInput } from "@/lib/engine";

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
