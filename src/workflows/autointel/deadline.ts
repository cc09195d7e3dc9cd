import type { Depth } from "./depth.ts";

// How long each depth should take before its deadline needs an extension: a few times its
// estimate (depth.ts), since sites are slower than our guess. A crawl that keeps finding pages
// is extended in bounded steps up to the engine's cap (WORKFLOW_MAX_SECONDS); one that stalls is not.
const MINUTE = 60_000;

export const SOFT_DEADLINE_MS: Record<Depth, number> = {
  quick: 5 * MINUTE,
  standard: 20 * MINUTE,
  deep: 60 * MINUTE,
};
