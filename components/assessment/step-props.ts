import type { Draft, WorkloadDraft } from "@/lib/assessment/draft";

/** What every step component gets: its group's answers, a patch function and the error for a field path. */
export type StepProps<G> = {
  value: G;
  update: (patch: Partial<G>) => void;
  err: (path: string) => string | undefined;
};
export type VolumeAnswers = WorkloadDraft["volume"];
export type DataAnswers = WorkloadDraft["data"];
export type LatencyAnswers = WorkloadDraft["latency"];
export type CapabilityAnswers = WorkloadDraft["capability"];
export type TeamAnswers = Draft["team"];
export type DeploymentAnswers = Draft["deployment"];
export type StrategyAnswers = Draft["strategy"];
