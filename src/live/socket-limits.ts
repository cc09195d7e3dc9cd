// How long and how many live view sockets one workflow keeps. The link is a bearer token that
// lives for days and may be shared, so nobody holding it may hold the workflow's slots for long:
// a socket that stops pinging is dropped, every socket is renewed after a maximum lifetime (the
// page reconnects and resumes where it was), and one client gets only a few of the slots.

export interface LiveSocketLimits {
  /** Dropped when neither a hello nor a "ping" came for this long. */
  idleMs: number;
  /** Closed this long after it connected, whatever it does; the page reconnects. */
  maxLifetimeMs: number;
  /** Sockets of one workflow from one client address. */
  perClient: number;
}

export const DEFAULT_LIVE_SOCKET_LIMITS: LiveSocketLimits = {
  idleMs: 90_000,
  maxLifetimeMs: 60 * 60_000,
  perClient: 4,
};

/** The page pings this often: well inside the idle timeout, and nothing else wakes the object. */
export const LIVE_PING_INTERVAL_MS = 25_000;
export const LIVE_PING = "ping";
export const LIVE_PONG = "pong";

/** The header the Worker uses to tell the tracker who connects (from CF-Connecting-IP). */
export const LIVE_CLIENT_HEADER = "x-live-client";

type Source = Partial<Record<string, unknown>>;

function positive(raw: unknown, fallback: number, scale: number): number {
  const value = Number(raw);
  return raw !== undefined && raw !== "" && Number.isFinite(value) && value > 0
    ? value * scale
    : fallback;
}

/** Optional settings LIVE_SOCKET_IDLE_SECONDS, LIVE_SOCKET_MAX_SECONDS, LIVE_SOCKETS_PER_CLIENT. */
export function liveSocketLimits(env: object): LiveSocketLimits {
  const source = env as Source;
  const defaults = DEFAULT_LIVE_SOCKET_LIMITS;
  return {
    idleMs: positive(source.LIVE_SOCKET_IDLE_SECONDS, defaults.idleMs, 1000),
    maxLifetimeMs: positive(source.LIVE_SOCKET_MAX_SECONDS, defaults.maxLifetimeMs, 1000),
    perClient: Math.floor(positive(source.LIVE_SOCKETS_PER_CLIENT, defaults.perClient, 1)),
  };
}
