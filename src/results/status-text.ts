import type { MessageKey } from "../i18n/catalog-types.ts";
import type { Translate } from "../i18n/translator.ts";
import type { StoredResultMeta } from "./result-store.ts";

type Status = StoredResultMeta["status"];

const TITLE: Record<Status, MessageKey & `results.title.${string}`> = {
  completed: "results.title.completed",
  failed: "results.title.failed",
  cancelled: "results.title.cancelled",
  timed_out: "results.title.timedOut",
};

const WORD: Record<Status, MessageKey & `results.status.${string}`> = {
  completed: "results.status.completed",
  failed: "results.status.failed",
  cancelled: "results.status.cancelled",
  timed_out: "results.status.timedOut",
};

function isStatus(status: string): status is Status {
  return Object.hasOwn(WORD, status);
}

/** The result message's title, e.g. "✅ {title} finished", for a finished workflow's status. */
export function titleKeyOf(status: Status): (typeof TITLE)[Status] {
  return TITLE[status];
}

/** A finished workflow's status as a word in `t`'s language; an unknown one as it is stored. */
export function statusText(t: Translate, status: string): string {
  return isStatus(status) ? t(WORD[status]) : status;
}
