// The gate's timing, from the environment like every other knob (time is configuration).

export interface GateConfig {
  /** Requests per second the bot may make on bot-token routes (Discord: 50). */
  globalPerSecond: number;
  /** First closed period after a Cloudflare ban; doubles per failed probe. */
  banPauseMs: number;
  /** First closed period after a 401 on the bot token; doubles per failed probe. */
  badTokenPauseMs: number;
  /** Cap of the doubling. */
  maxPauseMs: number;
  /** A probe that never reports back frees the gate for another probe after this long. */
  probeTimeoutMs: number;
}

function positive(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`Configuration ${name} must be a number > 0, got "${String(raw)}"`);
  }
  return value;
}

export function gateConfig(env: Partial<Record<string, unknown>>): GateConfig {
  return {
    globalPerSecond: positive(
      env.BOT_GLOBAL_REQUESTS_PER_SECOND,
      "BOT_GLOBAL_REQUESTS_PER_SECOND",
      45,
    ),
    banPauseMs: positive(env.BOT_GATE_BAN_PAUSE_MS, "BOT_GATE_BAN_PAUSE_MS", 600_000),
    badTokenPauseMs: positive(
      env.BOT_GATE_BAD_TOKEN_PAUSE_MS,
      "BOT_GATE_BAD_TOKEN_PAUSE_MS",
      300_000,
    ),
    maxPauseMs: positive(env.BOT_GATE_MAX_PAUSE_MS, "BOT_GATE_MAX_PAUSE_MS", 3_600_000),
    probeTimeoutMs: positive(env.BOT_GATE_PROBE_TIMEOUT_MS, "BOT_GATE_PROBE_TIMEOUT_MS", 30_000),
  };
}
