// `npm run catalog:build`: rebuilds lib/engine/catalog/snapshot.generated.json from every
// catalog/*.json (each validated by its schema in catalog/schemas/) and the pinned price library.
// `--check` exits 1 when the committed snapshot is out of date (the unit tests run the same comparison).
import fs from "node:fs";
import { buildSnapshot, readCatalogFiles, unregisteredCatalogFiles } from "../catalog/build";

const SNAPSHOT = "lib/engine/catalog/snapshot.generated.json";

const files = readCatalogFiles("catalog");
for (const f of unregisteredCatalogFiles("catalog"))
  console.warn(`warning: catalog/${f} has no schema in catalog/schemas/index.ts and is not in the snapshot`);
const snapshot = buildSnapshot(files);
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
  console.log(
    `wrote ${SNAPSHOT}: catalog ${snapshot.catalogVersion} from ${Object.keys(files)
      .map((f) => `${f}.json`)
      .join(", ")}: ` +
      `${snapshot.apiModels.length} API models, ${snapshot.hostedMarket.models.length} hosted open models (${snapshot.hostedMarket.models.reduce((n, m) => n + m.offers.length, 0)} provider offers), ${snapshot.gpus.gpus.length} GPUs, ${Object.keys(snapshot.figures).length} keyed figures`,
  );
}
