// The long soak (scripts/soak.ts → soak/vitest.config.ts) hands its size and seed to the test.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    soakWorkflows?: number;
    soakSeed?: number;
    /** Milliseconds between starts; 0 starts them all at once. */
    soakPaceMs?: number;
  }
}
