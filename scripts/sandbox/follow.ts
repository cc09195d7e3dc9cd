// Streams the channel until the interaction's story ends: the final result of its workflow, an
// orphaned result, a quiet spell after a click, or the time limit.
import type { EmulatedMessage } from "../emulator-client.ts";
import type { ChannelEvent, ChannelWatch } from "./channel-watch.ts";
import { isFinalResultOf, messagePlace, renderMessage, workflowIdIn } from "./render-message.ts";

export interface FollowOptions {
  watch: ChannelWatch;
  startedAt: number;
  /** The workflow to follow, when known before any message names it (a click on its button). */
  workflowId: string | null;
  /** The reply was deferred: wait for the workflow it started (or for its first edit). */
  deferred: boolean;
  /** Stop after this long without anything new (clicks); null = only the other endings. */
  quietMs: number | null;
  timeoutMs: number;
  pollMs: number;
  /** The interaction token of what we sent: its messages are ours. */
  token: string;
  /** Counts results left orphaned (GET /metrics); null when unknown. */
  orphanCount: () => Promise<number | null>;
}

export type FollowEnd = {
  kind: "delivered" | "orphaned" | "answered" | "quiet" | "timeout";
  workflowId: string | null;
};

const LINGER_MS = 2500;
const NOT_A_WORKFLOW_MS = 8000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stamp(startedAt: number): string {
  const elapsed = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(6);
  const clock = new Date().toISOString().slice(11, 23);
  return `+${elapsed}s ${clock}`;
}

export function printLine(startedAt: number, text: string): void {
  console.log(`${stamp(startedAt)}  ${text}`);
}

function printEvent(startedAt: number, event: ChannelEvent, dmChannels: ReadonlySet<string>) {
  const { message } = event;
  const mark = { new: "✚ new", edit: `✎ edit #${message.edits}`, gone: "✖ deleted" }[event.kind];
  printLine(startedAt, `${mark} · ${messagePlace(message, dmChannels)}`);
  if (event.kind === "gone") return;
  for (const line of renderMessage(message)) console.log(`${" ".repeat(28)}${line}`);
}

export async function followChannel(options: FollowOptions): Promise<FollowEnd> {
  const { watch, startedAt } = options;
  let workflowId = options.workflowId;
  const orphansBefore = await options.orphanCount();
  let lastEventAt = Date.now();
  let firstEditAt: number | null = null;
  const shown = new Set<string>();
  let endingAt: number | null = null;
  let ending: FollowEnd["kind"] | null = null;
  const deadline = startedAt + options.timeoutMs;
  while (Date.now() < deadline) {
    const events = await watch.poll();
    // An immediate answer (not deferred, not a click) is the whole story: show it and stop.
    if (!options.deferred && options.quietMs === null) {
      for (const event of events)
        if (event.message.interaction_token === options.token)
          printEvent(startedAt, event, watch.dmChannels);
      return { kind: "answered", workflowId };
    }
    // Our workflow is the one our own interaction's messages name (its original or follow-ups).
    const ownWorkflow = events
      .filter((e) => e.kind !== "gone" && e.message.interaction_token === options.token)
      .map((e) => workflowIdIn(e.message))
      .find((id) => id !== null);
    if (!workflowId && ownWorkflow) {
      workflowId = ownWorkflow;
      printLine(startedAt, `▶ following workflow ${workflowId}`);
    }
    for (const event of events) {
      const ours = event.message.interaction_token === options.token;
      const named = event.kind === "gone" ? null : workflowIdIn(event.message);
      // Other workflows may share the channel (another terminal, or one resumed from saved state).
      if (!ours && !(named && named === workflowId) && !shown.has(event.message.id)) continue;
      shown.add(event.message.id);
      printEvent(startedAt, event, watch.dmChannels);
      lastEventAt = Date.now();
      if (ours && event.kind === "edit" && firstEditAt === null) firstEditAt = Date.now();
      if (
        !ending &&
        workflowId &&
        event.kind !== "gone" &&
        isFinalResultOf(event.message, workflowId)
      ) {
        ending = "delivered";
        endingAt = Date.now();
      }
    }
    if (endingAt !== null && Date.now() - endingAt >= LINGER_MS && ending)
      return { kind: ending, workflowId };
    if (!ending && workflowId && (await orphanedSince(options, orphansBefore))) {
      printLine(
        startedAt,
        "⚠ the result could not be delivered anywhere: it is stored, and orphaned",
      );
      ending = "orphaned";
      endingAt = Date.now();
    }
    if (
      !ending &&
      options.deferred &&
      !workflowId &&
      firstEditAt &&
      Date.now() - firstEditAt > NOT_A_WORKFLOW_MS
    )
      return { kind: "answered", workflowId };
    if (!ending && options.quietMs !== null && Date.now() - lastEventAt > options.quietMs)
      return { kind: "quiet", workflowId };
    await sleep(options.pollMs);
  }
  return { kind: ending ?? "timeout", workflowId };
}

async function orphanedSince(options: FollowOptions, before: number | null): Promise<boolean> {
  if (before === null) return false;
  const now = await options.orphanCount();
  return now !== null && now > before;
}

/** A message carrying a button with this custom id (the message a click comes from). */
export function messageWithButton(
  messages: EmulatedMessage[],
  customId: string,
): EmulatedMessage | null {
  const found = [...messages]
    .reverse()
    .find((message) => JSON.stringify(message.components).includes(`"custom_id":"${customId}"`));
  return found ?? null;
}
