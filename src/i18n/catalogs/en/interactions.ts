import type { Message } from "../../message.ts";

/**
 * Answers to commands, buttons and menus: ephemeral replies, refusals, the /workflows list and
 * its buttons, autocomplete choices. `status`: a workflow's state as stored (machine value).
 */
export const interactions = {
  "interactions.pong": ({ ms }: { ms: number }, f) => `Pong! Answered in ${f.number(ms)} ms.`,
  "interactions.unknownCommand": () => "Sorry, I don't know that command.",
  "interactions.handlerFailed": () =>
    "Sorry, something went wrong on my side while handling that. Nothing you did caused it; please try again in a moment.",
  "interactions.malformed": ({ problem }: { problem: string }) =>
    `I couldn't read that interaction: ${problem}.`,
  "interactions.shape.notJson": () => "the body is not a JSON object",
  "interactions.shape.unknownType": ({ type }: { type: string }) =>
    `unknown interaction type ${type}`,
  "interactions.shape.notList": ({ field }: { field: string }) => `${field} is not a list`,
  "interactions.shape.tooMany": ({ field, max }: { field: string; max: number }, f) =>
    `${field} has more than ${f.number(max)} entries`,
  "interactions.shape.tooDeep": ({ field, max }: { field: string; max: number }, f) =>
    `${field} is nested more than ${f.number(max)} deep`,
  "interactions.shape.notObject": ({ field }: { field: string }) => `${field} is not an object`,
  "interactions.shape.notShortString": ({ field }: { field: string }) =>
    `${field} is not a short string`,
  "interactions.shape.notInteger": ({ field }: { field: string }) => `${field} is not an integer`,
  "interactions.shape.tooLong": ({ field, max }: { field: string; max: number }, f) =>
    `${field} is longer than ${f.count(max, { one: "{n} character", other: "{n} characters" })}`,
  "interactions.shape.notScalar": ({ field }: { field: string }) =>
    `${field} is not a string, number or boolean`,
  "interactions.shape.noUser": () => "it names no user (member.user or user)",
  "interactions.shape.notSnowflake": ({ field }: { field: string }) =>
    `${field} is not a snowflake`,
  "interactions.shape.missing": ({ field }: { field: string }) => `${field} is missing`,
  "interactions.shape.badCustomId": ({ field, max }: { field: string; max: number }, f) =>
    `${field} is not a string of 1 to ${f.number(max)} characters`,
  "interactions.whoSent": () => "⚠️ I can't tell who sent this command.",
  "interactions.whoPressed": () => "⚠️ I can't tell who pressed this.",
  "interactions.optionsRejected": ({ problem }: { problem: string }) =>
    `⚠️ ${problem} Nothing was started.`,
  "interactions.startFailed": () =>
    "Sorry, I couldn't start that right now (nothing was started). Please try again in a minute.",
  "interactions.cannotDeliver": (
    { estimateMs, installUrl }: { estimateMs: number; installUrl: string },
    f,
  ) =>
    [
      `⚠️ This run takes about ${f.duration(estimateMs)}, longer than Discord's 15-minute reply window, and I can't post in this channel, so its result could not reach you here. Nothing was started.`,
      `A server admin can add me with the permissions I need: ${installUrl}`,
      "Or run something shorter (e.g. a shallower depth), or use me in a channel where I can post.",
    ].join("\n"),
  "interactions.notify.on": () =>
    "🔔 I'll DM you whenever one of your results is ready, besides the normal delivery.",
  "interactions.notify.off": () =>
    "🔕 No more DMs when results are ready (results are still delivered as usual).",
  "interactions.notify.badState": () => "⚠️ `state` must be `on` or `off`.",
  "interactions.callback.notInServer": () =>
    "⚠️ Callbacks belong to a server; use this command in one.",
  "interactions.callback.notAdmin": () =>
    "🚫 Only members with the Manage Server permission can change the callback.",
  "interactions.callback.cleared": () =>
    "Callback cleared: finished workflows are no longer sent anywhere.",
  "interactions.callback.usage": () => "⚠️ Use `/callback set url:` or `/callback clear`.",
  "interactions.callback.urlLength": ({ max }: { max: number }, f) =>
    `⚠️ \`url\` must be 1 to ${f.number(max)} characters.`,
  "interactions.callback.urlRefused": ({ reason }: { reason: string }) =>
    `⚠️ I can't send callbacks to that URL: ${reason}.`,
  "interactions.callback.noEncryptionKey": () =>
    "⚠️ This bot cannot store callback secrets yet (its operator has not set DATA_ENCRYPTION_KEY).",
  "interactions.callback.set": (
    { url, secret, graceMs }: { url: string; secret: string; graceMs: number },
    f,
  ) =>
    [
      `✅ Finished workflows in this server will be POSTed to ${url} as JSON, signed by the Standard Webhooks specification (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`; verify with any standardwebhooks library).`,
      `Signing secret (shown once; run the command again to rotate it — the old secret keeps signing alongside for ${f.duration(graceMs)}):`,
      `||${secret}||`,
    ].join("\n"),
  "interactions.status.queued": () => "queued",
  "interactions.status.running": () => "running",
  "interactions.workflows.none": () => "You have no running or recent workflows.",
  "interactions.workflows.running": () => "**Running**",
  "interactions.workflows.recent": () => "**Recent**",
  "interactions.workflows.stage": ({ current, total }: { current: number; total: number }, f) =>
    `stage ${f.number(current)}/${f.number(total)}`,
  "interactions.workflows.elapsed": ({ ms }: { ms: number }, f) => `${f.duration(ms)} elapsed`,
  "interactions.workflows.windowClosed": () => "reply window closed",
  "interactions.workflows.windowLeft": ({ ms }: { ms: number }, f) =>
    `reply window ${f.duration(ms)} left`,
  "interactions.workflows.progressVia": ({ route }: { route: string }) => `progress via ${route}`,
  "interactions.workflows.deliveredVia": ({ route }: { route: string }) => `delivered via ${route}`,
  "interactions.workflows.notDelivered": () => "not delivered yet (kept for you)",
  "interactions.workflows.pickPlaceholder": () => "Pick a workflow to cancel it or see its result",
  "interactions.workflows.idLine": ({ id }: { id: string }) => `-# workflow ${id}`,
  "interactions.workflows.cancelButton": () => "Cancel",
  "interactions.workflows.showResultButton": () => "Show result",
  "interactions.workflows.runAgainButton": () => "Run again",
  "interactions.workflows.unknownPick": () => "⚠️ I can't tell what was picked.",
  "interactions.workflows.pickGone": () =>
    "That workflow is no longer in your list; run `/workflows` again.",
  "interactions.cancel.notFound": () => "⚠️ I can't find that workflow.",
  "interactions.cancel.notOwner": () =>
    "🚫 Only the person who started this workflow can cancel it.",
  "interactions.cancel.finished": () => "This workflow has already finished.",
  "interactions.cancel.cancelling": () =>
    "🛑 Cancelling… the workflow stops after its current step.",
  "interactions.cancel.cancellingButton": () => "Cancelling…",
  "interactions.rerun.notOwner": () =>
    "🚫 Only the person who started this workflow can run it again.",
  "interactions.rerun.notRetryable": () =>
    "Only a failed or timed-out workflow can be retried; use Run again.",
  "interactions.rerun.stagesGone": () =>
    "⚠️ This workflow's stored stages have expired; run the command again.",
  "interactions.rerun.unknownWorkflow": () => "⚠️ This bot no longer has that command.",
  "interactions.rerun.noOptions": () =>
    "⚠️ This result is too old to repeat; run the command again yourself.",
  "interactions.rerun.noLighterRun": () => "⚠️ There is no lighter run of this workflow.",
} satisfies Record<string, Message<never>>;
