import { type TextRef, textRef } from "../../i18n/text-ref.ts";

import { DEPTHS, type Depth } from "./accepted.ts";

export { DEPTHS, type Depth };

export interface DepthProfile {
  /** Pages fetched in all, the start page included. */
  pageBudget: number;
  /** Links checked beyond the pages the crawl already fetched. */
  linkBudget: number;
}

export const DEPTH_PROFILES: Record<Depth, DepthProfile> = {
  quick: { pageBudget: 1, linkBudget: 50 },
  standard: { pageBudget: 10, linkBudget: 200 },
  deep: { pageBudget: 100, linkBudget: 500 },
};

// A page costs its fetch, the politeness pause and, now and then, a queue round trip between
// stage invocations; a link costs a HEAD. Deliberately on the slow side: the estimate decides
// whether the user is told up front that the answer will outlive Discord's reply window.
const MS_PER_PAGE = 4000;
const MS_PER_LINK = 1500;
const FIXED_MS = 30_000;

export function estimateDurationMs(depth: Depth): number {
  const profile = DEPTH_PROFILES[depth];
  return FIXED_MS + profile.pageBudget * MS_PER_PAGE + profile.linkBudget * MS_PER_LINK;
}

// robots.txt, then every page (the start page included) and link of the depth's budgets once (a
// HEAD that falls back to GET, or a TLS probe, may add one more now and then: a plan, not a count).
export function plannedRequests(depth: Depth): number {
  const profile = DEPTH_PROFILES[depth];
  return 1 + profile.pageBudget + profile.linkBudget;
}

export function isDepth(value: unknown): value is Depth {
  return typeof value === "string" && (DEPTHS as readonly string[]).includes(value);
}

/** After a failure or timeout: the same page one depth shallower; none below quick. */
export function shallowerRun<Options extends { depth: Depth }>(
  options: Options,
): { label: TextRef; options: Options } | null {
  const index = DEPTHS.indexOf(options.depth);
  const shallower = index > 0 ? DEPTHS[index - 1] : undefined;
  if (!shallower) return null;
  return {
    label: textRef(
      shallower === "quick" ? "autointel.lighterRun.quick" : "autointel.lighterRun.standard",
    ),
    options: { ...options, depth: shallower },
  };
}
