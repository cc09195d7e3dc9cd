import { engineConfig } from "../../config.ts";
import { type FetchPolicy, fetchPolicyFromEnv } from "../../net/url-guard.ts";
import { readNumberSetting } from "../../settings.ts";

export interface AutointelConfig {
  policy: FetchPolicy;
  /** One request (page fetch, HEAD, robots.txt) may take this long, redirects included. */
  fetchTimeoutMs: number;
  /** Bodies larger than this are not read. */
  pageMaxBytes: number;
  /** Minimum pause between two requests to one host; robots.txt Crawl-delay may raise it. */
  politenessMs: number;
  /** One stage invocation's time budget (its AbortSignal fires after it). */
  stageBudgetMs: number;
  /** Off-site links checked per host in one run (the rest are counted, not requested). */
  linkChecksPerHost: number;
}

/** Identifies the bot to the sites it reads; "LongflowBot" is the robots.txt product token. */
export const USER_AGENT = "LongflowBot/0.1 (+Discord /autointel; analyses pages a user asked for)";
export const ROBOTS_AGENT_TOKEN = "longflowbot";

function positiveNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`Configuration ${name} must be a number ≥ 0, got "${raw}"`);
  return value;
}

export function autointelConfig(env: Env): AutointelConfig {
  const stageBudgetMs = engineConfig(env).stageBudgetMs;
  const fetchTimeoutMs = positiveNumber(env.FETCH_TIMEOUT_MS, "FETCH_TIMEOUT_MS", 10_000);
  return {
    policy: fetchPolicyFromEnv(env),
    // A request must fit in an invocation with room to spare, or it could never finish.
    fetchTimeoutMs: Math.min(fetchTimeoutMs, stageBudgetMs / 2),
    pageMaxBytes: positiveNumber(env.PAGE_MAX_BYTES, "PAGE_MAX_BYTES", 2 * 1024 * 1024),
    politenessMs: positiveNumber(env.CRAWL_POLITENESS_MS, "CRAWL_POLITENESS_MS", 1000),
    stageBudgetMs,
    linkChecksPerHost: readNumberSetting(env, "LINK_CHECKS_PER_HOST", 25, {
      min: 1,
      integer: true,
    }),
  };
}
