// Rules, split by concern: exclusions (hard rules, owned by capacity), factors + verdict (scoring),
// conflicts and confidence (owned by economics).
export * from "./types";
export { exclusions } from "./exclusions";
export { factors, volumeBand, latencyClass, type Factor } from "./factors";
export { score, keyReasons } from "./verdict";
export { conflicts } from "./conflicts";
export { confidenceOf } from "./confidence";
