import LZString from "lz-string"; // CommonJS package: default import works in Node ESM, Next and the browser
import { assessmentInputSchema, type ParsedAssessmentInput } from "@/lib/engine/schema";
import { portfolioInputSchema, type ParsedPortfolioInput } from "@/lib/engine/portfolio/schema";

// Encoding lives in url-encode.ts (no schema, light enough for any client component).
export { encodeAnswers, encodePortfolio, portfolioPath, resultPath } from "./url-encode";

// The result URL carries the answers: `/assess/result?a=<lz-string of the JSON input>` (a portfolio's:
// `/assess/portfolio?p=`). Anyone with the link reproduces the result without an account. Decoding
// validates with the engine's schema, so a damaged or out-of-range link is a message, never a crash.

export type Decoded<T> = { ok: true; input: T } | { ok: false; error: string };
export type DecodeResult = Decoded<ParsedAssessmentInput>;
export type DecodePortfolioResult = Decoded<ParsedPortfolioInput>;

function decodeWith<T>(
  schema: {
    safeParse(
      raw: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  encoded: string | null | undefined,
): Decoded<T> {
  if (!encoded) return { ok: false, error: "This link has no answers in it." };
  const json = LZString.decompressFromEncodedURIComponent(encoded);
  let raw: unknown;
  try {
    raw = json ? JSON.parse(json) : undefined;
  } catch {
    raw = undefined;
  }
  if (raw === undefined) return { ok: false, error: "This link is damaged: its answers could not be read." };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return {
      ok: false,
      error: `This link's answers are incomplete or out of range (${i?.path.join(".")}: ${i?.message}).`,
    };
  }
  return { ok: true, input: parsed.data };
}

export const decodeAnswers = (encoded: string | null | undefined): DecodeResult =>
  decodeWith(assessmentInputSchema, encoded);
export const decodePortfolio = (encoded: string | null | undefined): DecodePortfolioResult =>
  decodeWith(portfolioInputSchema, encoded);
