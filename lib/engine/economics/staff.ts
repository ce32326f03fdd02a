import type { Model } from "../types";
import { formatUsd } from "../text";

// People who run the fleet: a fixed core by ML-ops maturity, plus a share per 100 GPUs of fleet and per
// model operated, plus on-call cover for production (catalog/economics.json, overridable).

export type Staff = {
  fte: number;
  coreFte: number;
  fleetFte: number;
  modelsFte: number;
  onCallFte: number;
  monthlyUsd: number;
  text: string;
};

/** The staffing figures, read once (month loops price people every month). */
export type StaffFigures = {
  fte: number;
  ftePer100Gpus: number;
  ftePerModel: number;
  onCallFte: number;
  loadedUsdPerYear: number;
};

export function staffFigures(m: Model): StaffFigures {
  const v = m.values;
  return {
    fte: v["people.fte"],
    ftePer100Gpus: v["people.ftePer100Gpus"],
    ftePerModel: v["people.ftePerModel"],
    onCallFte: v["people.onCallFte"],
    loadedUsdPerYear: v["people.loadedEngineerUsdPerYear"],
  };
}

/** USD of engineer time at a loaded cost per year: engineer-months (or FTE for a month) × loaded ÷ 12. The one rule for pricing people. */
export function engineerUsd(engineerMonths: number, loadedUsdPerYear: number): number {
  return (engineerMonths * loadedUsdPerYear) / 12;
}

/** FTE the fleet itself needs: `people.ftePer100Gpus` for every 100 GPUs staffed. The one per-GPU staffing rule. */
export function fleetFteOf(ftePer100Gpus: number, gpus: number): number {
  return (ftePer100Gpus * gpus) / 100;
}

/** FTE by part: core by ML-ops maturity + the fleet's share + per model operated + on-call cover. The one staffing formula. */
export function staffFteOf(f: StaffFigures, gpus: number, models = 1): number {
  return f.fte + fleetFteOf(f.ftePer100Gpus, gpus) + f.ftePerModel * models + f.onCallFte;
}

/** People cost per month from figures read once (the month loops): staffFteOf priced by engineerUsd. */
export function staffMonthlyUsdOf(f: StaffFigures, gpus: number, models = 1): number {
  return engineerUsd(staffFteOf(f, gpus, models), f.loadedUsdPerYear);
}

/** People cost per month only (no text): the monthly series and the optimiser call this. */
export function staffMonthlyUsd(m: Model, gpus: number, models = 1): number {
  return staffMonthlyUsdOf(staffFigures(m), gpus, models);
}

export function staffFor(m: Model, gpus: number, models = 1): Staff {
  const f = staffFigures(m);
  const coreFte = f.fte;
  const fleetFte = fleetFteOf(f.ftePer100Gpus, gpus);
  const modelsFte = f.ftePerModel * models;
  const onCallFte = f.onCallFte;
  const fte = staffFteOf(f, gpus, models);
  const monthlyUsd = engineerUsd(fte, f.loadedUsdPerYear);
  const v = m.values;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    fte,
    coreFte,
    fleetFte,
    modelsFte,
    onCallFte,
    monthlyUsd,
    get text() {
      return staffText();
    },
  };
  function staffText() {
    return `${r(fte)} FTE (${formatUsd(monthlyUsd * 12)} a year): a core of ${r(coreFte)} for your team (ML-ops maturity: ${m.input.team.mlOpsMaturity}), ${r(fleetFte)} for ${gpus} GPUs at ${r(v["people.ftePer100Gpus"])} FTE per 100 GPUs, ${r(modelsFte)} for ${models} model${models === 1 ? "" : "s"} operated and ${r(onCallFte)} for on-call cover.`;
  }
}

export function setupUsd(m: Model): number {
  return engineerUsd(m.values["people.setupEngineerMonths"], m.values["people.loadedEngineerUsdPerYear"]);
}

/** Fine-tuning and evaluation, USD/month, when the customization needs it (open weights, self-hosted or hosted). */
export function fineTuningMonthlyUsd(m: Model): number {
  const c = m.input.capability.customization;
  if (c !== "fine-tuning" && c !== "full-control") return 0;
  const v = m.values;
  const perRetrain =
    v["fineTuning.gpuHoursPerRetrain"] * v["gpu.usdPerHour"] +
    engineerUsd(v["fineTuning.engineerMonthsPerRetrain"], v["people.loadedEngineerUsdPerYear"]);
  return (v["fineTuning.retrainsPerYear"] * perRetrain) / 12 + v["fineTuning.evalUsdPerMonth"];
}
