import type { Translate } from "../i18n/translator.ts";

const STATUS_KEYS = {
  queued: "interactions.status.queued",
  running: "interactions.status.running",
  completed: "interactions.status.completed",
  failed: "interactions.status.failed",
  cancelled: "interactions.status.cancelled",
  timed_out: "interactions.status.timed_out",
} as const;

/** A workflow's stored status in words; a status this build does not know is shown as stored. */
export function statusText(t: Translate, status: string): string {
  const key = STATUS_KEYS[status as keyof typeof STATUS_KEYS];
  return key ? t(key) : status;
}
