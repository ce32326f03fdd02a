// `npm run catalog:build`: rebuilds lib/engine/catalog/snapshot.generated.json from
// catalog/figures.json and the pinned price library. `--check` exits 1 when the committed
// snapshot is out of date (the unit tests run the same comparison).
import fs from "node:fs";
import { buildSnapshot } from "../catalog/build";

const FIGURES = "catalog/figures.json";
const SNAPSHOT = "lib/engine/catalog/snapshot.generated.json";

const snapshot = buildSnapshot(JSON.parse(fs.readFileSync(FIGURES, "utf8")));
const text = JSON.stringify(snapshot, null, 1) + "\n";
if (process.argv.includes("--check")) {
  const current = fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, "utf8") : "";
  if (current !== text) {
    console.error(`${SNAPSHOT} is out of date; run npm run catalog:build`);
    process.exit(1);
  }
  console.log(`${SNAPSHOT} is up to date (${snapshot.catalogVersion})`);
} else {
  fs.mkdirSync("lib/engine/catalog", { recursive: true });
  fs.writeFileSync(SNAPSHOT, text);
  console.log(`wrote ${SNAPSHOT}: catalog ${snapshot.catalogVersion}, ${snapshot.apiModels.length} API models, ${snapshot.hostedOpenModels.length} hosted open-weights models, ${snapshot.gpus.length} GPUs`);
}
