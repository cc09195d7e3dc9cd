// Each soak workflow's stages and fault schedule, drawn from one seeded PRNG: the same seed and
// count always give the same schedule, so a failing soak can be replayed.

/** mulberry32: small, fast, and good enough to spread faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SoakStagePlan {
  delayMs: number;
  /** Throws mid-stage (after its first progress report) on its first delivery. */
  crashOnFirstAttempt: boolean;
  /** Yields this many times, each ~2 s on the queue: the workflow outlives its token. */
  yields: number;
}

export type FaultTarget = "token" | "channel";

export interface SoakPlan {
  index: number;
  stages: SoakStagePlan[];
  tokenDeathAtMs: number | null;
  rateLimitStorm: {
    atMs: number;
    on: FaultTarget;
    times: number;
    retryAfterSeconds: number;
  } | null;
  serverErrors: { atMs: number; on: FaultTarget; times: number; status: number } | null;
  hang: { atMs: number; on: FaultTarget } | null;
  duplicateAtMs: number[];
  evictionAtMs: number[];
  /** Deletes the channel webhook this long after the bot created it. */
  deleteWebhookAfterMs: number | null;
  dmClosed: boolean;
  /** The bot may not post or make webhooks in the channel (with a dead token: orphaned). */
  channelLocked: boolean;
  /** A global 429 on the channel's calls: the bot gate closes for every workflow. */
  globalRateLimit: { atMs: number; retryAfterSeconds: number } | null;
  /** A Cloudflare ban on the channel's calls for `durationMs` (10 minutes, scaled). */
  ban: { atMs: number; durationMs: number } | null;
}

/** 10 minutes at the soak's time scale (a 6-second token plays Discord's 15 minutes). */
export const TEN_MINUTE_BAN_MS = 4000;

export const STAGE_COUNT = 3;

export function soakPlans(seed: number, count: number): SoakPlan[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const between = (low: number, high: number) => Math.floor(low + random() * (high - low));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, index): SoakPlan => {
    const long = chance(0.3);
    const stages = Array.from({ length: STAGE_COUNT }, (_, stage) => ({
      delayMs: between(20, 200),
      crashOnFirstAttempt: chance(0.12),
      yields: long && stage === 1 ? between(3, 5) : 0,
    }));
    const span = long ? 9000 : 2500;
    // Every eighth workflow has no route left (token dead at once, channel locked, DMs closed):
    // its result must stay stored and retrievable.
    const nowhere = index % 8 === 3;
    const tokenDeathAtMs = chance(0.35) ? between(0, span) : null;
    return {
      index,
      stages,
      tokenDeathAtMs: nowhere ? 0 : tokenDeathAtMs,
      rateLimitStorm: chance(0.3)
        ? {
            atMs: between(0, span),
            on: pick(["token", "channel"] as const),
            times: between(2, 6),
            retryAfterSeconds: between(5, 40) / 100,
          }
        : null,
      serverErrors: chance(0.3)
        ? {
            atMs: between(0, span),
            on: pick(["token", "channel"] as const),
            times: between(1, 4),
            status: pick([500, 502, 503, 504]),
          }
        : null,
      hang: chance(0.15)
        ? { atMs: between(0, span), on: pick(["token", "channel"] as const) }
        : null,
      duplicateAtMs: chance(0.3) ? [between(0, span), between(0, span)] : [],
      evictionAtMs: chance(0.3) ? [between(200, span)] : [],
      deleteWebhookAfterMs: chance(0.25) ? between(0, 1500) : null,
      dmClosed: chance(0.25) || nowhere,
      channelLocked: chance(0.12) || nowhere,
      ...gateFaults(seed, index, span),
    };
  });
}

/**
 * The faults that close the bot gate, from their own PRNG so the older faults of a seed stay
 * where they were; every sixth workflow carries each, so even a short soak has both.
 */
function gateFaults(
  seed: number,
  index: number,
  span: number,
): Pick<SoakPlan, "globalRateLimit" | "ban"> {
  const random = seededRandom((seed ^ 0x9e3779b9 ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const at = () => Math.floor(random() * span);
  return {
    globalRateLimit:
      index % 6 === 1
        ? { atMs: at(), retryAfterSeconds: 0.3 + Math.floor(random() * 10) / 10 }
        : null,
    ban: index % 6 === 4 ? { atMs: at(), durationMs: TEN_MINUTE_BAN_MS } : null,
  };
}

export const FAULT_ORDER = [
  "token death",
  "429 storm",
  "5xx",
  "hung fetch",
  "consumer crash",
  "duplicate message",
  "DO eviction",
  "webhook deleted",
  "DMs closed",
  "channel locked",
  "outlives token",
  "no route left",
  "global 429",
  "ban 10 min",
];

/** Which faults a plan carries, as short names for the soak's table. */
export function faultNames(plan: SoakPlan): string[] {
  const names: string[] = [];
  if (plan.tokenDeathAtMs !== null) names.push("token death");
  if (plan.rateLimitStorm) names.push("429 storm");
  if (plan.serverErrors) names.push("5xx");
  if (plan.hang) names.push("hung fetch");
  if (plan.stages.some((s) => s.crashOnFirstAttempt)) names.push("consumer crash");
  if (plan.duplicateAtMs.length > 0) names.push("duplicate message");
  if (plan.evictionAtMs.length > 0) names.push("DO eviction");
  if (plan.deleteWebhookAfterMs !== null) names.push("webhook deleted");
  if (plan.dmClosed) names.push("DMs closed");
  if (plan.channelLocked) names.push("channel locked");
  if (plan.stages.some((s) => s.yields > 0)) names.push("outlives token");
  if (plan.tokenDeathAtMs !== null && plan.channelLocked && plan.dmClosed)
    names.push("no route left");
  if (plan.globalRateLimit) names.push("global 429");
  if (plan.ban) names.push("ban 10 min");
  return names;
}
