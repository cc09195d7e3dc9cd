import type { Message } from "../../message.ts";

/**
 * The engine: the progress message and its notices, the reply-window warnings and handoff, why a
 * workflow stopped, quota refusals, and what a stage says when Discord denies it access. Sent long
 * after the interaction, each in the workflow's languages (public, or the user's when only they
 * see it). Variables named `retrieveCommand`, `link`, `until`, `at`, `list`, `workflowId` and
 * `startedAt` are markup the caller builds (code spans, links, `<t:…>` timestamps).
 */
export const engine = {
  "engine.cancelButton": () => "Cancel",
  "engine.liveViewButton": () => "Live view",
  "engine.workflowFallbackTitle": () => "Workflow",
  "engine.progressLine": (
    { fraction, stage, stages }: { fraction: number; stage: number; stages: number },
    f,
  ) => `${f.percent(fraction)} · stage ${f.number(stage)}/${f.number(stages)}`,
  "engine.progressLineLabelled": (
    {
      fraction,
      stage,
      stages,
      label,
    }: { fraction: number; stage: number; stages: number; label: string },
    f,
  ) => `${f.percent(fraction)} · stage ${f.number(stage)}/${f.number(stages)}: ${label}`,
  "engine.clockReplyWindowOpen": (
    { elapsedMs, leftMs }: { elapsedMs: number; leftMs: number },
    f,
  ) => `Elapsed ${f.duration(elapsedMs)} · reply window: ${f.duration(leftMs)} left`,
  "engine.clockReplyWindowClosed": ({ elapsedMs }: { elapsedMs: number }, f) =>
    `Elapsed ${f.duration(elapsedMs)} · Discord's reply window has closed; progress continues here`,
  "engine.endedCompleted": () => "✅ Finished; the result was delivered in its own message.",
  "engine.endedFailed": () => "❌ Failed.",
  "engine.endedCancelled": () => "🛑 Cancelled by its owner.",
  "engine.endedTimedOut": () =>
    "⌛ Timed out; the partial result was delivered in its own message.",
  "engine.workflowFooter": ({ workflowId }: { workflowId: string }) => `-# workflow ${workflowId}`,
  "engine.startNotice": (
    { estimateMs, retrieveCommand }: { estimateMs: number; retrieveCommand: string },
    f,
  ) =>
    `This will take about ${f.duration(estimateMs)}, longer than Discord's 15-minute reply window. Progress moves to a new message in this channel before the window closes, and the result will reach you here, in the channel, or by DM. You can always fetch it with ${retrieveCommand}.`,
  "engine.replyWindowWarning": (
    { leftMs, retrieveCommand }: { leftMs: number; retrieveCommand: string },
    f,
  ) =>
    `⏳ Discord's reply window for this command closes in ${f.duration(leftMs)}. The workflow keeps running; progress continues in a new message and the result will still reach you (or use ${retrieveCommand}).`,
  "engine.noRouteWarning": () =>
    "⚠️ I can't post in this channel: when this takes longer than 15 minutes the result waits for `/retrieve_results` (I'll also try a DM).",
  "engine.handoffPointer": ({ link }: { link: string }) => `➡️ Progress continues in ${link}`,
  "engine.deadlineExtended": (
    { stepMs, until, final }: { stepMs: number; until: string; final: boolean },
    f,
  ) =>
    `⏱️ Still working; given ${f.duration(stepMs)} more, until ${until}${final ? " (the most it can get)" : ""}.`,
  "engine.deadlineExtendedLabelled": (
    {
      stepMs,
      until,
      final,
      label,
    }: { stepMs: number; until: string; final: boolean; label: string },
    f,
  ) =>
    `⏱️ Still working (${label}); given ${f.duration(stepMs)} more, until ${until}${final ? " (the most it can get)" : ""}.`,
  "engine.deadlineWarning": ({ leftMs, at }: { leftMs: number; at: string }, f) =>
    `⏳ Time limit in ${f.duration(leftMs)} (${at}): then what is done so far is delivered as a partial result.`,
  "engine.resumedNotice": () => "🔄 Resumed after an update; nothing was lost.",
  "engine.waitingForWorkerLabel": () => "Waiting for a worker",
  "engine.cancelledByOwner": () => "Cancelled by its owner.",
  "engine.stageFailed": ({ stage, error }: { stage: string; error: string }) =>
    `Stage "${stage}" failed: ${error}`,
  "engine.stageGaveUp": ({ stage }: { stage: string }) =>
    `Stage "${stage}" kept failing and was given up after its last retry.`,
  "engine.stageUnresponsive": ({ stage, times }: { stage: string; times: number }, f) =>
    `Stage "${stage}" stopped responding ${f.count(times, { one: "once", other: "{n} times" })} and was given up.`,
  "engine.timedOut": ({ limitMs, stage }: { limitMs: number; stage: string }, f) =>
    `Stopped at its ${f.duration(limitMs)} time limit during "${stage}"; this is a partial result. Press Retry to continue from the last completed stage.`,
  "engine.kindRemoved": ({ kind }: { kind: string }) =>
    `This bot no longer runs "${kind}" workflows (an update removed them); what finished before is in the result.`,
  "engine.stageRemoved": ({ stage }: { stage: string }) =>
    `This workflow was started on an earlier version of the bot whose stage "${stage}" no longer exists; what finished before is in the result.`,
  "engine.accessViewChannel": () =>
    "I can't see that channel: give me (the bot) the View Channel permission there, then run it again.",
  "engine.accessReadHistory": () =>
    "I can see that channel but not its history: give me (the bot) the Read Message History permission there, then run it again.",
  "engine.accessUnknownChannel": () =>
    "That channel no longer exists (or I was never added to its server).",
  "engine.quotaRunningItem": ({
    workflowId,
    command,
    startedAt,
  }: {
    workflowId: string;
    command: string;
    startedAt: string;
  }) => `• ${workflowId} ${command} · started ${startedAt}`,
  "engine.quotaUserRunning": ({ count, list }: { count: number; list: string }, f) =>
    `⏸️ You already have ${f.count(count, { one: "{n} workflow", other: "{n} workflows" })} running, as many as allowed; nothing was started.${list}\nCancel one with the Cancel button on its progress message or in \`/workflows\`, or wait for one to finish, then run the command again.`,
  "engine.quotaServerRunning": ({ limit }: { limit: number }, f) =>
    `⏸️ This server already has ${f.count(limit, { one: "{n} workflow", other: "{n} workflows" })} running, as many as allowed; nothing was started. A slot frees as soon as one of them finishes: try again in a few minutes.`,
  "engine.quotaGlobalRunning": ({ limit }: { limit: number }, f) =>
    `⏸️ The bot is running as many workflows as it allows at once (${f.number(limit)}, everyone's together); nothing was started. A slot frees as soon as one finishes: try again in a few minutes.`,
  "engine.quotaDailyRuns": (
    { mine, limit, refillsAt }: { mine: boolean; limit: number; refillsAt: string },
    f,
  ) =>
    `⏸️ ${mine ? "Your" : "This server's"} budget of ${f.count(limit, { one: "{n} run", other: "{n} runs" })} a day is used up; nothing was started. It refills ${refillsAt}. Until then, earlier results stay available with \`/retrieve_results\`.`,
  "engine.quotaDailyRunsNoRefill": ({ mine, limit }: { mine: boolean; limit: number }, f) =>
    `⏸️ ${mine ? "Your" : "This server's"} budget of ${f.count(limit, { one: "{n} run", other: "{n} runs" })} a day is used up; nothing was started. It refills as earlier runs age out of the day. Until then, earlier results stay available with \`/retrieve_results\`.`,
  "engine.quotaRequestsOverBudget": (
    { mine, needed, limit }: { mine: boolean; needed: number; limit: number },
    f,
  ) =>
    `⏸️ This run would make up to ${f.count(needed, { one: "{n} request", other: "{n} requests" })} to web sites, more than ${mine ? "your" : "this server's"} whole daily budget of ${f.number(limit)}; nothing was started. Choose a lighter run (for example a shallower depth).`,
  "engine.quotaRequestsLeft": (
    {
      mine,
      needed,
      limit,
      left,
      refillsAt,
    }: { mine: boolean; needed: number; limit: number; left: number; refillsAt: string },
    f,
  ) =>
    `⏸️ This run would make up to ${f.count(needed, { one: "{n} request", other: "{n} requests" })} to web sites; ${mine ? "your" : "this server's"} daily budget of ${f.number(limit)} has ${f.number(left)} left, so nothing was started. Enough refills ${refillsAt}. Now: a lighter run that needs at most ${f.count(left, { one: "{n} request", other: "{n} requests" })} (for example a shallower depth) fits.`,
  "engine.startFailed": () =>
    "⚠️ Sorry, I couldn't start that (nothing was started). Please try again in a minute.",
} satisfies Record<string, Message<never>>;
