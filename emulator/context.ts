import type { FaultStore } from "./faults.ts";
import type { RateLimiter } from "./rate-limits.ts";
import type { RequestLog } from "./request-log.ts";
import type { Signer } from "./signing.ts";
import type { EmulatorState } from "./state.ts";

export type EmulatorConfig = {
  applicationId: string;
  botToken: string;
  tokenTtlMs: number;
  maxFileBytes: number;
};

/** What every route handler can reach. */
export type Emulator = {
  config: EmulatorConfig;
  origin: string;
  state: EmulatorState;
  signer: Signer;
  faults: FaultStore;
  rateLimits: RateLimiter;
  log: RequestLog;
};
