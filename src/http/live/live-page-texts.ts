import { rawText } from "../../discord/render/localized-text.ts";
import type { MessageKey } from "../../i18n/catalog-types.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Translate, VarsOf } from "../../i18n/translator.ts";

// The texts of the live page's script, in the page's language. The script has no catalog: it gets
// each message rendered, a message with variables as a template whose `{name}` placeholders it
// fills with values it formats by Intl in the same language (live-page-script.ts, `fill`).

const STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  queued: "live.statusQueued",
  running: "live.statusRunning",
  completed: "live.statusCompleted",
  failed: "live.statusFailed",
  cancelled: "live.statusCancelled",
  timed_out: "live.statusTimedOut",
};

/** A workflow status as a word in `t`'s language; the status itself when unknown. */
export function statusText(t: Translate, status: string): string {
  const key = STATUS_KEYS[status];
  return key ? (t as (key: MessageKey) => string)(key) : status;
}

/** The message as a template: each variable becomes its `{name}` placeholder. */
function template<K extends MessageKey>(
  t: Translate,
  key: K,
  ...names: (keyof VarsOf<K> & string)[]
): string {
  const vars = Object.fromEntries(names.map((name) => [name, `{${name}}`]));
  return (t as (key: MessageKey, vars: Record<string, string>) => string)(key, vars);
}

export function scriptTexts(locale: Locale) {
  const t = rawText(locale);
  const texts = (keys: Readonly<Record<string, MessageKey>>) =>
    Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, t(key as never)]));
  return {
    locale,
    status: texts(STATUS_KEYS),
    routes: texts({
      interaction: "live.routeInteraction",
      webhook: "live.routeWebhook",
      channel: "live.routeChannel",
      dm: "live.routeDm",
    }),
    routeOther: t("live.routeOther"),
    eventLog: template(t, "live.eventLog", "count"),
    stageOf: template(t, "live.stageOf", "stage", "count"),
    stageRestarted: template(t, "live.stageRestarted", "count"),
    stageWaiting: t("live.stageWaiting"),
    stageSoFar: template(t, "live.stageSoFar", "duration"),
    timelineExpired: t("live.timelineExpired"),
    elapsed: template(t, "live.elapsed", "duration"),
    warnTokenSoon: template(t, "live.warnTokenSoon", "duration"),
    warnTokenDead: t("live.warnTokenDead"),
    warnHandoff: template(t, "live.warnHandoff", "route"),
    warnHandoffFailed: t("live.warnHandoffFailed"),
    warnStageRetrying: template(t, "live.warnStageRetrying", "stage", "error"),
    warnStageRedriven: template(t, "live.warnStageRedriven", "stage"),
    warnDeliveryRetry: template(t, "live.warnDeliveryRetry", "route"),
    warnDeliveryImpossible: template(t, "live.warnDeliveryImpossible", "route", "reason"),
    warnOrphaned: t("live.warnOrphaned"),
    warnStoppedEarly: t("live.warnStoppedEarly"),
    warnVersionChanged: t("live.warnVersionChanged"),
    warnDeadlineExtended: template(t, "live.warnDeadlineExtended", "duration"),
    warnDeadlineCap: t("live.warnDeadlineCap"),
    warnDeadlineStalled: t("live.warnDeadlineStalled"),
    warnDeadlineSoon: template(t, "live.warnDeadlineSoon", "duration"),
    warningsNone: t("live.warningsNone"),
    warningsNoneSoFar: t("live.warningsNoneSoFar"),
    clockOutlived: template(t, "live.clockOutlived", "duration"),
    clockStillOpen: template(t, "live.clockStillOpen", "duration"),
    clockClosedMoved: template(t, "live.clockClosedMoved", "route"),
    clockClosedHere: t("live.clockClosedHere"),
    clockLeft: template(t, "live.clockLeft", "duration"),
    deliveryDone: template(t, "live.deliveryDone", "route"),
    deliveryDoneAt: template(t, "live.deliveryDoneAt", "route", "time"),
    deliveryOrphaned: template(t, "live.deliveryOrphaned", "workflowId"),
    deliveryPending: t("live.deliveryPending"),
    deliveryArchived: t("live.deliveryArchived"),
    deliveryNotYet: t("live.deliveryNotYet"),
    connecting: t("live.connecting"),
    connected: t("live.connected"),
    connectionRefused: template(t, "live.connectionRefused", "code"),
    linkNoLongerWorks: t("live.linkNoLongerWorks"),
    connectionLost: template(t, "live.connectionLost", "code", "delay"),
    finalState: t("live.finalState"),
    reloadForResult: t("live.reloadForResult"),
  };
}

export type ScriptTexts = ReturnType<typeof scriptTexts>;
