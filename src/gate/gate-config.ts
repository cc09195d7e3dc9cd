// The gate's timing, from the environment like every other knob (time is configuration), read
// by the one reader of numeric settings (src/settings.ts).
import { readNumberSetting } from "../settings.ts";

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

export function gateConfig(env: object): GateConfig {
  // Every value must be ≥ 1: a zero budget or pause would stop or spin the gate.
  const read = (name: string, fallback: number) =>
    readNumberSetting(env, name, fallback, { min: 1 });
  return {
    globalPerSecond: read("BOT_GLOBAL_REQUESTS_PER_SECOND", 45),
    banPauseMs: read("BOT_GATE_BAN_PAUSE_MS", 600_000),
    badTokenPauseMs: read("BOT_GATE_BAD_TOKEN_PAUSE_MS", 300_000),
    maxPauseMs: read("BOT_GATE_MAX_PAUSE_MS", 3_600_000),
    probeTimeoutMs: read("BOT_GATE_PROBE_TIMEOUT_MS", 30_000),
  };
}
