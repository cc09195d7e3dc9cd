import type { Message } from "../../message.ts";

type Duration = { duration: string };
type Route = { route: string };

/**
 * The live view: its page, the texts its script shows, its error pages and its socket's errors.
 * The page script has no catalog: it receives the messages whose variables are all strings
 * rendered with `{name}` placeholders and fills them with values it formats by Intl in the page's
 * language (numbers, durations, times), so those variables arrive formatted.
 */
export const live = {
  // The page
  "live.pageTitle": ({ title }: { title: string }) => `${title} · live view`,
  "live.workflowId": () => "Workflow ID",
  "live.statusQueued": () => "Queued",
  "live.statusRunning": () => "Running",
  "live.statusCompleted": () => "Completed",
  "live.statusFailed": () => "Failed",
  "live.statusCancelled": () => "Cancelled",
  "live.statusTimedOut": () => "Timed out",
  "live.progressHeading": () => "Progress",
  "live.stagesHeading": () => "Stages",
  "live.clockHeading": () => "Reply window",
  "live.deliveryHeading": () => "Delivery",
  "live.warningsHeading": () => "Warnings",
  "live.resultHeading": () => "Result",
  "live.eventLog": ({ count }: { count: string }) => `Event log (${count})`,
  "live.downloadReport": () => "Download report.md",
  "live.noscript": () =>
    "This page updates itself with JavaScript; reload it to see the latest state.",
  "live.done": () => "Done",

  // Progress and stages (the page script)
  "live.stageOf": ({ stage, count }: { stage: string; count: string }) =>
    `Stage ${stage} of ${count}`,
  "live.stageRestarted": ({ count }: { count: string }) => `restarted ${count}×`,
  "live.stageWaiting": () => "waiting",
  "live.stageSoFar": ({ duration }: Duration) => `${duration} so far`,
  "live.timelineExpired": () => "The stage timeline has expired.",
  "live.elapsed": ({ duration }: Duration) => `Elapsed ${duration}`,

  // Where progress or the result goes
  "live.routeInteraction": () => "the command's reply",
  "live.routeWebhook": () => "a channel webhook message",
  "live.routeChannel": () => "a bot message in the channel",
  "live.routeDm": () => "a direct message",
  "live.routeOther": () => "a message the bot owns",

  // Warnings, from the event log
  "live.warnTokenSoon": ({ duration }: Duration) =>
    `Discord's reply window closes in ${duration}; the work goes on.`,
  "live.warnTokenDead": () => "Discord's reply window closed early; the work goes on.",
  "live.warnHandoff": ({ route }: Route) => `Progress moved to ${route}.`,
  "live.warnHandoffFailed": () => "Progress could not move to a bot message; this page keeps it.",
  "live.warnStageRetrying": ({ stage, error }: { stage: string; error: string }) =>
    `Stage ${stage} failed and is being retried: ${error}`,
  "live.warnStageRedriven": ({ stage }: { stage: string }) =>
    `Stage ${stage} stopped responding and was restarted.`,
  "live.warnDeliveryRetry": ({ route }: Route) => `Delivery via ${route} failed for now; retrying.`,
  "live.warnDeliveryImpossible": ({ route, reason }: Route & { reason: string }) =>
    `Delivery via ${route} is impossible: ${reason}`,
  "live.warnOrphaned": () =>
    "The result could not be delivered in Discord; fetch it with /retrieve_results.",
  "live.warnStoppedEarly": () => "The workflow stopped early.",
  "live.warnVersionChanged": () => "The bot was updated during the run; it carried on.",
  "live.warnDeadlineExtended": ({ duration }: Duration) =>
    `Still progressing: given ${duration} more.`,
  "live.warnDeadlineCap": () => "No more time: the time limit's cap is reached.",
  "live.warnDeadlineStalled": () => "No more time: no progress lately.",
  "live.warnDeadlineSoon": ({ duration }: Duration) =>
    `Time limit in ${duration}; then the partial result is delivered.`,
  "live.warningsNone": () => "None.",
  "live.warningsNoneSoFar": () => "None so far.",

  // The reply window
  "live.clockOutlived": ({ duration }: Duration) =>
    `Ran for ${duration}; it outlived Discord's 15-minute reply window.`,
  "live.clockStillOpen": ({ duration }: Duration) =>
    `Ran for ${duration}; Discord's reply window was still open at the end.`,
  "live.clockClosedMoved": ({ route }: Route) =>
    `Discord's 15-minute reply window has closed; progress continues in ${route} and here.`,
  "live.clockClosedHere": () =>
    "Discord's 15-minute reply window has closed; progress continues here.",
  "live.clockLeft": ({ duration }: Duration) => `${duration} left in Discord's reply window.`,

  // Delivery
  "live.deliveryDone": ({ route }: Route) => `Delivered via ${route}.`,
  "live.deliveryDoneAt": ({ route, time }: Route & { time: string }) =>
    `Delivered via ${route} at ${time}.`,
  "live.deliveryOrphaned": ({ workflowId }: { workflowId: string }) =>
    `Not deliverable in Discord: use /retrieve_results workflow_id:${workflowId}.`,
  "live.deliveryPending": () => "Result saved; delivering it in Discord…",
  "live.deliveryArchived": () => "Delivered earlier; this is the stored result.",
  "live.deliveryNotYet": () => "The result is saved, then delivered, when the workflow ends.",

  // The connection line
  "live.connecting": () => "Connecting…",
  "live.connected": () => "Live",
  "live.connectionRefused": ({ code }: { code: string }) =>
    `Connection refused (${code}); checking the link…`,
  "live.linkNoLongerWorks": () => "This link no longer works.",
  "live.connectionLost": ({ code, delay }: { code: string; delay: string }) =>
    `Connection lost (${code}); reconnecting in ${delay}`,
  "live.finalState": () => "Final state",
  "live.reloadForResult": () => "Reload the page to see the result.",

  // Error pages
  "live.notFoundTitle": () => "Not found",
  "live.disabled": () => "The live view is not enabled.",
  "live.linkRefusedTitle": () => "Link not valid",
  "live.linkMissing": () =>
    "This link has no signature. Open the Live view button on the workflow's message.",
  "live.linkMalformed": () =>
    "This link's signature is damaged. Open the Live view button on the workflow's message.",
  "live.linkInvalid": () => "This link's signature is not valid for this workflow.",
  "live.linkExpired": () =>
    "This link has expired. The Live view button on the workflow's message has a fresh one.",
  "live.unknownWorkflowTitle": () => "Unknown workflow",
  "live.unknownWorkflow": () => "There is no workflow with this id, or its records have expired.",
  "live.noReportTitle": () => "No report",
  "live.noReport": () => "This workflow has no stored report (yet, or any more).",

  // Socket errors (sent over the socket, shown on the connection line)
  "live.errorShortMessage": () => "Send one short JSON text message.",
  "live.errorNotJson": () => "The message is not JSON.",
  "live.errorNotHello": () => 'Expected {"type":"hello","since":<seq>}.',
  "live.errorBadSince": () =>
    "`since` must be the last sequence number seen: an integer ≥ 0 (0 for none).",
  "live.errorSeqBeyond": ({ since, last }: { since: number; last: number }, f) =>
    `since=${since} is beyond this workflow's last event (${f.number(last)}); reload the page.`,
  "live.errorHelloTwice": () => "hello was already sent on this socket.",
  "live.errorInternal": () => "The server could not handle this message.",
  "live.errorUnknownWorkflow": () => "No workflow with this id.",
  "live.errorClientLimit": ({ limit }: { limit: number }, f) =>
    `You already have ${f.count(limit, { one: "{n} live view", other: "{n} live views" })} of this workflow open; close one and retry.`,
  "live.errorTooManySockets": ({ limit }: { limit: number }, f) =>
    `This workflow already has ${f.count(limit, { one: "{n} live viewer", other: "{n} live viewers" })}; close one and retry.`,
  "live.errorHelloMissing": ({ timeoutMs }: { timeoutMs: number }, f) =>
    `No hello within ${f.duration(timeoutMs)}.`,
  "live.errorIdle": () => "No ping for too long; reconnect to go on.",
  "live.errorLifetimeOver": () => "This connection is renewed; reconnecting resumes it.",
} satisfies Record<string, Message<never>>;
