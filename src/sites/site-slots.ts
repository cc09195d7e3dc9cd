// The callers' side of the per-site budget: a crawl or a link check asks for a slot before each
// request, and then waits what it was told (or comes back later when the site is busy).

import type { SiteBudget, SiteSlot } from "./site-budget.ts";
import { siteKeyOf } from "./site-key.ts";

export type { SiteSlot };

function siteBudget(env: Env, site: string): DurableObjectStub<SiteBudget> {
  return env.SITE_BUDGET.get(env.SITE_BUDGET.idFromName(site));
}

/**
 * A slot for one request to `url`'s site, no earlier than `notBeforeMs` from now (the caller's
 * own politeness) and only if it starts within `maxWaitMs`.
 */
export function reserveSiteSlot(
  env: Env,
  url: string,
  notBeforeMs: number,
  maxWaitMs: number,
): Promise<SiteSlot> {
  return siteBudget(env, siteKeyOf(url)).reserve(notBeforeMs, maxWaitMs);
}
