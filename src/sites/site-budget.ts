import { DurableObject } from "cloudflare:workers";
import { readNumberSetting } from "../settings.ts";

/** The answer to a request for a slot: go after `waitMs`, or nothing free before `retryAfterMs`. */
export type SiteSlot = { kind: "granted"; waitMs: number } | { kind: "busy"; retryAfterMs: number };

export const SITE_MIN_INTERVAL_DEFAULT_MS = 500;

export function siteMinIntervalMs(env: Env): number {
  return readNumberSetting(env, "SITE_MIN_INTERVAL_MS", SITE_MIN_INTERVAL_DEFAULT_MS, {
    max: 60_000,
  });
}

/**
 * One per site (registrable domain, site-key.ts): every request of every workflow to that site
 * books the first free slot here, in order, at most one per SITE_MIN_INTERVAL_MS. Booked, not a
 * window (see the bot gate): a caller that cannot wait is told when to come back and books
 * nothing, so no slot is held by someone who will not use it.
 *
 * The next free slot lives in memory only: slots are booked at most `maxWaitMs` (seconds)
 * ahead, and the runtime evicts an object only after it has been idle longer than that, so a
 * fresh object has nothing booked to forget. No storage write per request.
 */
export class SiteBudget extends DurableObject<Env> {
  private nextFreeAt = 0;

  /** Synchronous on purpose: no await, so two callers can never book the same slot. */
  reserve(notBeforeMs: number, maxWaitMs: number): SiteSlot {
    const now = Date.now();
    const at = Math.max(now + Math.max(0, notBeforeMs), this.nextFreeAt);
    if (at - now > maxWaitMs) return { kind: "busy", retryAfterMs: at - now };
    this.nextFreeAt = at + siteMinIntervalMs(this.env);
    return { kind: "granted", waitMs: at - now };
  }
}
