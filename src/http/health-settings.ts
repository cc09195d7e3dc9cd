import { readNumber } from "../config.ts";

export interface HealthSettings {
  /** Stages have waited this long and the consumer has not run since: it is presumed stopped. */
  consumerStaleMs: number;
  /** A due stage waiting longer than this is a backlog /health reports as unavailable. */
  stageWaitMaxMs: number;
  /** The bot token is checked against Discord at most this often. */
  botTokenCheckEveryMs: number;
}

export function healthSettings(env: Partial<Env>): HealthSettings {
  const source = env as unknown as Record<string, unknown>;
  return {
    consumerStaleMs: readNumber(source, "HEALTH_CONSUMER_STALE_SECONDS", 120, 1) * 1000,
    stageWaitMaxMs: readNumber(source, "HEALTH_STAGE_WAIT_MAX_SECONDS", 600, 1) * 1000,
    botTokenCheckEveryMs: 60_000,
  };
}
