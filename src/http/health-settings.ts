import { readNumberSetting } from "../settings.ts";

export interface HealthSettings {
  /** Stages have waited this long and the consumer has not run since: it is presumed stopped. */
  consumerStaleMs: number;
  /** A due stage waiting longer than this is a backlog /health reports as unavailable. */
  stageWaitMaxMs: number;
  /** The bot token is checked against Discord at most this often. */
  botTokenCheckEveryMs: number;
}

export function healthSettings(env: Partial<Env>): HealthSettings {
  return {
    consumerStaleMs:
      readNumberSetting(env, "HEALTH_CONSUMER_STALE_SECONDS", 120, { min: 1 }) * 1000,
    stageWaitMaxMs: readNumberSetting(env, "HEALTH_STAGE_WAIT_MAX_SECONDS", 600, { min: 1 }) * 1000,
    botTokenCheckEveryMs: 60_000,
  };
}
