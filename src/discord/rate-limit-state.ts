import type { RateLimitHeaders } from "./rate-limit-headers.ts";

/** Identifies the rate-limit bucket a request falls in (see `bucketKeyFor` in the client). */
export interface BucketKey {
  /** Method + route template: Discord maps it to a bucket hash via `X-RateLimit-Bucket`. */
  routeKey: string;
  /** Channel, guild or webhook id (+ token hash): buckets are per major parameter. */
  majorParameter: string;
  /** Whether the global limit applies (interaction webhooks are exempt). */
  subjectToGlobal: boolean;
}

/** One bucket as the last response described it. Plain data, so it can be persisted. */
export interface BucketSnapshot {
  bucket?: string;
  limit?: number;
  remaining: number;
  /** Epoch ms when the bucket refills. */
  resetAt: number;
}

/**
 * Rate-limit state, kept apart from request building. Async so an implementation can live in
 * Durable Object storage; the client owns no state of its own beyond the instance it is given.
 */
export interface RateLimitState {
  /**
   * Milliseconds to wait before a request in this bucket may be sent (0 = send now). When it
   * answers 0 it counts the request against the bucket's remaining budget.
   */
  acquire(key: BucketKey, now: number): Promise<number>;
  /** Records what a response's headers said about its bucket. */
  update(key: BucketKey, headers: RateLimitHeaders, now: number): Promise<void>;
  /** A global 429: every bucket subject to the global limit waits until `until` (epoch ms). */
  blockGlobally(until: number): Promise<void>;
}

/** How long a bucket makes a request wait, and the bucket after the request is counted. */
export function reserve(
  snapshot: BucketSnapshot | undefined,
  now: number,
): { waitMs: number; next: BucketSnapshot | undefined } {
  if (snapshot === undefined || snapshot.resetAt <= now) return { waitMs: 0, next: undefined };
  if (snapshot.remaining <= 0) return { waitMs: snapshot.resetAt - now, next: snapshot };
  return { waitMs: 0, next: { ...snapshot, remaining: snapshot.remaining - 1 } };
}

/** The bucket a response describes, or undefined when its headers say nothing usable. */
export function snapshotFrom(headers: RateLimitHeaders, now: number): BucketSnapshot | undefined {
  if (headers.remaining === undefined || headers.resetAfterMs === undefined) return undefined;
  return {
    bucket: headers.bucket,
    limit: headers.limit,
    remaining: headers.remaining,
    resetAt: now + headers.resetAfterMs,
  };
}

const MAX_TRACKED_BUCKETS = 1000;

/**
 * The buckets not yet refilled, as plain JSON: what a stage keeps in the state it yields so that
 * the next invocation (a fresh client) does not fire its first call into a bucket the last one
 * emptied. Bucket ids (with the route's learnt hash) and `resetAt` as epoch ms.
 */
export interface CarriedRateLimits {
  [key: string]: number | Record<string, string> | Record<string, CarriedBucket>;
  globalResetAt: number;
  hashes: Record<string, string>;
  buckets: Record<string, CarriedBucket>;
}

export interface CarriedBucket {
  [key: string]: number;
  remaining: number;
  resetAt: number;
}

/** In-memory state for one client instance (one Worker invocation, or one Durable Object). */
export class MemoryRateLimitState implements RateLimitState {
  /** route key → Discord's bucket hash, learned from `X-RateLimit-Bucket`. */
  private readonly bucketHashes = new Map<string, string>();
  private readonly buckets = new Map<string, BucketSnapshot>();
  private globalResetAt = 0;

  private bucketId(key: BucketKey): string {
    return `${this.bucketHashes.get(key.routeKey) ?? key.routeKey}:${key.majorParameter}`;
  }

  async acquire(key: BucketKey, now: number): Promise<number> {
    const globalWait = key.subjectToGlobal ? Math.max(0, this.globalResetAt - now) : 0;
    if (globalWait > 0) return globalWait;
    const id = this.bucketId(key);
    const { waitMs, next } = reserve(this.buckets.get(id), now);
    if (next === undefined) this.buckets.delete(id);
    else this.buckets.set(id, next);
    return waitMs;
  }

  async update(key: BucketKey, headers: RateLimitHeaders, now: number): Promise<void> {
    if (headers.bucket !== undefined) this.bucketHashes.set(key.routeKey, headers.bucket);
    const snapshot = snapshotFrom(headers, now);
    if (snapshot === undefined) return;
    if (this.buckets.size >= MAX_TRACKED_BUCKETS) this.prune(now);
    this.buckets.set(this.bucketId(key), snapshot);
  }

  async blockGlobally(until: number): Promise<void> {
    this.globalResetAt = Math.max(this.globalResetAt, until);
  }

  /** The buckets still in force at `now`, to carry into another client with `adopt`. */
  carry(now: number): CarriedRateLimits {
    const buckets: Record<string, CarriedBucket> = {};
    for (const [id, bucket] of this.buckets) {
      if (bucket.resetAt > now)
        buckets[id] = { remaining: bucket.remaining, resetAt: bucket.resetAt };
    }
    const hashes = Object.fromEntries(this.bucketHashes);
    return { globalResetAt: this.globalResetAt > now ? this.globalResetAt : 0, hashes, buckets };
  }

  /** Takes over what another client carried (expired buckets simply refill on first use). */
  adopt(carried: CarriedRateLimits): void {
    for (const [route, hash] of Object.entries(carried.hashes)) this.bucketHashes.set(route, hash);
    for (const [id, bucket] of Object.entries(carried.buckets)) this.buckets.set(id, { ...bucket });
    this.globalResetAt = Math.max(this.globalResetAt, carried.globalResetAt);
  }

  /** A copy of the tracked buckets, for tests and for persisting. */
  snapshot(): { globalResetAt: number; buckets: Record<string, BucketSnapshot> } {
    return { globalResetAt: this.globalResetAt, buckets: Object.fromEntries(this.buckets) };
  }

  private prune(now: number): void {
    for (const [id, bucket] of this.buckets) {
      if (bucket.resetAt <= now) this.buckets.delete(id);
    }
  }
}
