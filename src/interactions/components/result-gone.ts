import { resultRetentionText } from "../../results/retention-settings.ts";

/** The answer to a button whose result is gone (or never was), naming the configured retention. */
export function resultGoneText(env: Env): string {
  return `⚠️ I can't find that result any more; results are kept for ${resultRetentionText(env)}.`;
}
