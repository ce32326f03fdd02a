// Times evaluate() (including break-even, sensitivity and the volume curve) for three profiles.
import fs from "node:fs";
import { evaluate } from "../../lib/engine";
import { measure, report } from "./_stats";

const profiles = ["early-prototype", "hospital-patient-data", "high-volume-saas"];
for (const name of profiles) {
  const input = JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8"));
  report(`evaluate(${name})`, await measure(() => evaluate(input), 3000, 300));
}
