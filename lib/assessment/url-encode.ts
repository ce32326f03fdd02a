import LZString from "lz-string"; // CommonJS package: default import works in Node ESM, Next and the browser
import type { AssessmentInput } from "@/lib/engine/schema";
import type { PortfolioInput } from "@/lib/engine/portfolio/schema";

// Writing answers into a URL (`?a=` one assessment, `?p=` a portfolio): lz-string of the JSON.
// No schema here, so client code that only builds links (result toolbar, "Edit answers") does not
// download zod; reading a link back validates it (url-state.ts).

const encode = (input: unknown): string => LZString.compressToEncodedURIComponent(JSON.stringify(input));

export const encodeAnswers = (input: AssessmentInput): string => encode(input);
export const encodePortfolio = (input: PortfolioInput): string => encode(input);
export const resultPath = (input: AssessmentInput) => `/assess/result?a=${encodeAnswers(input)}`;
export const portfolioPath = (input: PortfolioInput) => `/assess/portfolio?p=${encodePortfolio(input)}`;
