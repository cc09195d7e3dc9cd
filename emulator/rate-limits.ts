// Per-bucket rate limits with Discord's headers (docs: topics/rate-limits).
import { createHash } from "node:crypto";
import type { RateLimitSpec } from "./contract-types.ts";
import { type ApiResponse, jsonResponse } from "./http-types.ts";

export type RateLimitConfig = { limit: number; windowMs: number };

export type BucketDecision = {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSeconds: number;
};

type BucketState = { count: number; resetAt: number };

export class RateLimiter {
  private readonly rules: RateLimitSpec[] = [];
  private readonly buckets = new Map<string, BucketState>();
  private readonly fallback: RateLimitConfig | null;

  constructor(fallback: RateLimitConfig | null) {
    this.fallback = fallback;
  }

  /**
   * Paths containing `match` (and requests of `method`, when given) get this limit; a later rule
   * for the same match replaces it; where several match, the most specific applies.
   */
  setRule(rule: RateLimitSpec): void {
    this.removeRule(rule.match);
    this.rules.push(rule);
  }

  removeRule(match: string): number {
    const before = this.rules.length;
    this.rules.splice(0, this.rules.length, ...this.rules.filter((r) => r.match !== match));
    return before - this.rules.length;
  }

  /**
   * Counts a request against its bucket. `route` names the bucket's shape (Discord shares the
   * bucket hash across major parameters), `major` the major parameter values. Null = unlimited.
   */
  hit(
    route: string,
    major: string,
    request: { method: string; path: string },
    now = Date.now(),
  ): BucketDecision | null {
    const rule = this.ruleFor(request.method, request.path);
    const config = rule ?? this.fallback;
    if (!config) return null;
    // A new rule starts a fresh window, so a test's limit is not spoiled by earlier traffic.
    const key = `${route}|${major}|${rule ? `rule:${rule.match}` : "default"}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + config.windowMs };
      this.buckets.set(key, bucket);
    }
    const allowed = bucket.count < config.limit;
    if (allowed) bucket.count++;
    const resetAfterMs = bucket.resetAt - now;
    return {
      allowed,
      retryAfterSeconds: roundSeconds(resetAfterMs),
      headers: {
        "X-RateLimit-Limit": String(config.limit),
        "X-RateLimit-Remaining": String(Math.max(0, config.limit - bucket.count)),
        "X-RateLimit-Reset": (bucket.resetAt / 1000).toFixed(3),
        "X-RateLimit-Reset-After": roundSeconds(resetAfterMs).toFixed(3),
        "X-RateLimit-Bucket": bucketHash(route),
      },
    };
  }

  /**
   * The most specific matching rule: one naming the method beats one that does not, a longer
   * `match` beats a shorter one (a channel's own rule beats a "/channels/" rule), then the latest.
   */
  private ruleFor(method: string, path: string): RateLimitSpec | undefined {
    let best: RateLimitSpec | undefined;
    for (const rule of this.rules) {
      if (!path.includes(rule.match) || (rule.method && rule.method !== method)) continue;
      if (!best || specificity(rule) >= specificity(best)) best = rule;
    }
    return best;
  }
}

function specificity(rule: RateLimitSpec): number {
  return (rule.method ? 1_000_000 : 0) + rule.match.length;
}

function roundSeconds(ms: number): number {
  return Math.max(0, Math.round(ms)) / 1000;
}

function bucketHash(route: string): string {
  return createHash("sha1").update(route).digest("hex").slice(0, 32);
}

export type TooManyRequests = {
  retryAfterSeconds: number;
  global: boolean;
  scope: "user" | "global" | "shared";
  headers: Record<string, string>;
};

/** Discord's 429: Retry-After is whole seconds, retry_after in the body is precise. */
export function tooManyRequests(spec: TooManyRequests): ApiResponse {
  const headers: Record<string, string> = {
    ...spec.headers,
    "Retry-After": String(Math.ceil(spec.retryAfterSeconds)),
    "X-RateLimit-Scope": spec.scope,
  };
  if (spec.global) headers["X-RateLimit-Global"] = "true";
  return {
    ...jsonResponse(429, {
      message: "You are being rate limited.",
      retry_after: spec.retryAfterSeconds,
      global: spec.global,
    }),
    headers,
  };
}

/** Cloudflare's own rate limiting (error 1015): an HTML page, no Discord JSON, no headers. */
export function cloudflareRateLimitPage(): ApiResponse {
  return {
    status: 429,
    text: {
      contentType: "text/html",
      body: "<!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head><body><h1>Error 1015</h1><p>You are being rate limited</p><p>The owner of this website (discord.com) has banned you temporarily from accessing this website.</p></body></html>",
    },
  };
}

export function cloudflareBan(): ApiResponse {
  return jsonResponse(429, {
    code: 0,
    message:
      "You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently.",
  });
}
