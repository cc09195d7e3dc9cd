/** What Discord's `X-RateLimit-*` and `Retry-After` headers say about one response. */
export interface RateLimitHeaders {
  limit?: number;
  remaining?: number;
  /** Seconds until the bucket resets, as milliseconds. */
  resetAfterMs?: number;
  bucket?: string;
  global: boolean;
  scope?: string;
  /** `Retry-After` (seconds) as milliseconds. */
  retryAfterMs?: number;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.ceil(seconds * 1000);
}

export function parseRateLimitHeaders(headers: Headers): RateLimitHeaders {
  return {
    limit: numberHeader(headers, "x-ratelimit-limit"),
    remaining: numberHeader(headers, "x-ratelimit-remaining"),
    resetAfterMs: secondsToMs(numberHeader(headers, "x-ratelimit-reset-after")),
    bucket: headers.get("x-ratelimit-bucket") ?? undefined,
    global: headers.get("x-ratelimit-global")?.toLowerCase() === "true",
    scope: headers.get("x-ratelimit-scope") ?? undefined,
    retryAfterMs: secondsToMs(numberHeader(headers, "retry-after")),
  };
}

/**
 * Whether the response carries Discord's rate-limiter headers at all. A Cloudflare ban has none
 * (it may still carry `Retry-After`, so that header does not count).
 */
export function hasRateLimitHeaders(headers: Headers): boolean {
  for (const [name] of headers) {
    if (name.toLowerCase().startsWith("x-ratelimit-")) return true;
  }
  return false;
}
