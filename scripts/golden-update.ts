// `npm run golden:update`: rewrite test/golden/engine.golden.jsonl from the engine as it is now, after an intended
// change (commit it with the change; say which entries changed and why). `npm test` compares it exactly.
import fs from "node:fs";
import { computeGolden, GOLDEN_PATH, readGolden, serializeGolden } from "../test/golden/engine-golden";

const before = fs.existsSync(GOLDEN_PATH)
  ? new Map(readGolden().map((e) => [e.name, e.sha256]))
  : new Map<string, string>();
const entries = computeGolden();
fs.writeFileSync(GOLDEN_PATH, serializeGolden(entries));
const changed = entries.filter((e) => before.get(e.name) !== e.sha256).map((e) => e.name);
console.log(
  `wrote ${entries.length} golden outputs to ${GOLDEN_PATH}; ${changed.length} changed${changed.length ? ":\n  " + changed.join("\n  ") : ""}`,
);
