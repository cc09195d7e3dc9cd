/**
 * One value kept in the isolate for a few seconds, for endpoints a crowd may call (/health).
 * A promise is kept as it is, so callers that arrive while it runs share it (one computation per
 * isolate per period). Keyed by the `env` object: a test's altered env never sees another's value.
 */
export class IsolateCache<T> {
  private entry: { env: object; until: number; value: T } | null = null;

  get(env: object, ttlMs: number, compute: () => T, now = Date.now()): T {
    const entry = this.entry;
    if (entry && entry.env === env && now < entry.until) return entry.value;
    const value = compute();
    this.entry = { env, until: now + ttlMs, value };
    return value;
  }
}
