import type { Translate } from "../i18n/translator.ts";
import { statusText as finishedStatusText } from "../results/status-text.ts";

const ACTIVE_KEYS = {
  queued: "interactions.status.queued",
  running: "interactions.status.running",
} as const;

/** A workflow's status in words: running ones here, finished ones as the results say them. */
export function statusText(t: Translate, status: string): string {
  const key = ACTIVE_KEYS[status as keyof typeof ACTIVE_KEYS];
  return key ? t(key) : finishedStatusText(t, status);
}
