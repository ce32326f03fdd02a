import type { LatencyThresholds } from "./form-facts";

// End-to-end p95 targets by product type, for the latency step's examples and its default.
// Thresholds from research §3.2 (market-and-catalog-sources.md, "Latency"): < 100 ms feels instant,
// 100–300 ms responsive, 300 ms–1 s noticeable lag; chat TTFT target < 500 ms; a hosted-API call
// spends ~300 ms–1.5 s before its first token (catalog `latency.apiRoundTripMs`).
export type LatencyExample = {
  id: "chat" | "voice" | "code" | "batch";
  label: string;
  p95TargetMs: number;
  measure: "first-token" | "full-response";
  why: string;
};

export const LATENCY_EXAMPLES: readonly LatencyExample[] = [
  {
    id: "chat",
    label: "Chat assistant",
    p95TargetMs: 1_000,
    measure: "first-token",
    why: "Answers stream: the first words within a second at p95 (about half a second typically)",
  },
  {
    id: "voice",
    label: "Voice agent",
    p95TargetMs: 1_000,
    measure: "full-response",
    why: "A short spoken reply, complete within about a second, or the conversation feels laggy",
  },
  {
    id: "code",
    label: "Code completion",
    p95TargetMs: 300,
    measure: "full-response",
    why: "The whole suggestion must appear while the developer types (100–300 ms feels responsive)",
  },
  {
    id: "batch",
    label: "Batch documents",
    p95TargetMs: 60_000,
    measure: "full-response",
    why: "Nobody is waiting: overnight summaries and extraction tolerate a minute or more",
  },
];

/** The latency step's starting value: a chat product, the most common first workload. */
export const DEFAULT_LATENCY_MS = LATENCY_EXAMPLES[0]!.p95TargetMs;
export const MEASURE_LABELS = {
  "first-token": "First token (streamed answers)",
  "full-response": "Full response",
} as const;

/** What a p95 target means for the options, in the catalog's own thresholds (`formFacts(catalog).latency`). */
export function latencyHint(ms: number | undefined, t: LatencyThresholds): string | undefined {
  if (ms === undefined || !(ms > 0)) return undefined;
  if (ms < t.instantMs)
    return "Below what any network round trip allows: only a model on your own hardware, next to the product, fits.";
  if (ms < t.apiRoundTripMs)
    return `Faster than a hosted API call at best (about ${t.apiRoundTripMs} ms): remote APIs are ruled out.`;
  if (ms < t.apiComfortableMs) return "Tight for hosted APIs: possible with a fast provider close to your users.";
  return "Hosted APIs meet this comfortably.";
}
