import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { handleInteractionRequest } from "../../src/http/interactions-endpoint.ts";
import { registry as botRegistry, createRegistry } from "../../src/interactions/registry.ts";
import { workflowIdFor } from "../../src/queue/start.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import type { WorkflowSnapshot } from "../../src/tracker/rpc.ts";
import { stageRuns, type TestWorkflow } from "../support/test-workflow.ts";
import { emulator, freshId } from "./emulator.ts";
import { withReplyToken } from "./file-reply.ts";

/** The interaction token's lifetime in the emulator, equal to INTERACTION_TOKEN_TTL_SECONDS. */
export const TEST_TOKEN_TTL_MS = 6000;

export interface StartedWorkflow {
  workflowId: string;
  token: string;
  tokenExpiresAt: number;
  channelId: string;
  userId: string;
  guildId: string;
  reply: { type: number; data?: { content?: string; flags?: number } };
}

export interface Actor {
  userId: string;
  username?: string;
  permissions?: string;
}

/** `POST /interactions` with `body`, signed by the emulator as Discord signs it. */
export async function signedInteractionRequest(body: unknown): Promise<Request> {
  const raw = JSON.stringify(body);
  const { signature, timestamp } = await emulator.sign(raw);
  return new Request("http://bot.test/interactions", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
    body: raw,
  });
}

/** A signed interaction, as Discord sends it, through the real verify + dispatch path. */
export async function sendInteraction(
  body: Record<string, unknown>,
  workflows: TestWorkflow[] = [],
): Promise<Response> {
  const request = await signedInteractionRequest(body);
  // The bot's real handler table, plus the test workflows' commands.
  const registry = createRegistry({
    commands: [...botRegistry.commands.values(), ...workflows.map((w) => w.command)],
    components: [...botRegistry.components.values()],
  });
  return handleInteractionRequest(request, env, createExecutionContext(), registry);
}

function member(actor: Actor) {
  return {
    user: {
      id: actor.userId,
      username: actor.username ?? "tester",
      discriminator: "0",
      global_name: null,
      avatar: null,
    },
    roles: [],
    permissions: actor.permissions ?? "0",
  };
}

export interface InteractionPlace {
  guildId?: string;
  channelId?: string;
  token?: string;
  id?: string;
}

/** An interaction from a guild member, shaped like Discord's; ids are fresh unless given. */
export function interactionFrom(
  actor: Actor,
  type: 2 | 3 | 4 | 5,
  data: Record<string, unknown>,
  place: InteractionPlace = {},
): Record<string, unknown> {
  const channelId = place.channelId ?? freshId();
  return {
    id: place.id ?? freshId(),
    application_id: emulator.applicationId,
    type,
    token: place.token ?? `tok-${freshId()}`,
    version: 1,
    guild_id: place.guildId ?? freshId(),
    channel_id: channelId,
    channel: { id: channelId, type: 0 },
    member: member(actor),
    locale: "en-US",
    ...(type === 3 ? { message: { id: freshId(), channel_id: channelId } } : {}),
    data,
  };
}

/** A slash command with flat options, e.g. `commandData("notify", { state: "on" })`. */
export function commandData(name: string, options: Record<string, string> = {}, focused?: string) {
  return {
    id: freshId(),
    name,
    type: 1,
    options: Object.entries(options).map(([optionName, value]) => ({
      name: optionName,
      type: 3,
      value,
      ...(optionName === focused ? { focused: true } : {}),
    })),
  };
}

/** Runs the slash command of a test workflow the way Discord would and waits for its id. */
export async function startViaDiscord(
  workflow: TestWorkflow,
  options: {
    input?: string;
    channelId?: string;
    ttlMs?: number;
    userId?: string;
    /** Extra interaction fields, e.g. app_permissions, context, authorizing_integration_owners. */
    interaction?: Record<string, unknown>;
  } = {},
): Promise<StartedWorkflow> {
  const channelId = options.channelId ?? freshId();
  const guildId = freshId();
  const userId = options.userId ?? freshId();
  const issued = await emulator.createInteractionToken({
    ttlMs: options.ttlMs ?? TEST_TOKEN_TTL_MS,
    channelId,
    guildId,
    userId,
  });
  const before = new Set(stageRuns.map((run) => run.workflowId));
  const res = await sendInteraction(
    {
      ...interactionFrom(
        { userId },
        2,
        commandData(workflow.name, { input: options.input ?? "example" }),
        {
          id: issued.interactionId,
          token: issued.token,
          guildId,
          channelId,
        },
      ),
      ...options.interaction,
    },
    [workflow],
  );
  const reply = (await res.json()) as StartedWorkflow["reply"];
  expect(reply.type, JSON.stringify(reply)).toBe(5);
  let workflowId = "";
  await vi.waitFor(
    () => {
      const run = stageRuns.find(
        (r) => !before.has(r.workflowId) && r.stage === 0 && !startedIds.has(r.workflowId),
      );
      if (!run) throw new Error("first stage has not run yet");
      workflowId = run.workflowId;
    },
    { timeout: 30_000, interval: 20 },
  );
  startedIds.add(workflowId);
  return {
    workflowId,
    token: issued.token,
    tokenExpiresAt: issued.expiresAt,
    channelId,
    userId,
    guildId,
    reply,
  };
}

const startedIds = new Set<string>();

export function status(workflowId: string): Promise<WorkflowSnapshot | null> {
  return trackerStub(env, workflowId).status();
}

/** Waits until the workflow's status satisfies `check`; bounded generously, never a sleep. */
export async function waitForWorkflow(
  workflowId: string,
  check: (snapshot: WorkflowSnapshot) => boolean,
  timeout = 30_000,
): Promise<WorkflowSnapshot> {
  let last: WorkflowSnapshot | null = null;
  await vi.waitFor(
    async () => {
      last = await status(workflowId);
      if (!last || !check(last)) throw new Error(`workflow not there yet: ${JSON.stringify(last)}`);
    },
    { timeout, interval: 50 },
  );
  return last as unknown as WorkflowSnapshot;
}

/**
 * Leaves the result nowhere to go: the bot may not post in the channel, the owner's DMs are
 * closed and the token is dead. Waits until the result is orphaned (kept for /retrieve_results).
 */
export async function orphanResult(started: StartedWorkflow): Promise<void> {
  await emulator.injectFault({
    match: `/channels/${started.channelId}/`,
    kind: "missing_permission",
    times: -1,
  });
  await emulator.injectFault({
    match: "/users/@me/channels",
    bodyMatch: started.userId,
    kind: "dm_closed",
    times: -1,
  });
  await emulator.expireToken(started.token);
  await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "orphaned");
}

/**
 * `/retrieve_results` for the workflow, run by its owner where it was started. The answer is
 * "thinking…"; the result arrives as an edit of @original on `token`.
 */
export async function retrieveResults(
  started: StartedWorkflow,
): Promise<{ response: Response; token: string }> {
  const options = [{ name: "workflow_id", type: 3, value: started.workflowId }];
  const data = { id: freshId(), name: "retrieve_results", type: 1, options };
  const { body, token } = await withReplyToken(
    interactionFrom({ userId: started.userId }, 2, data, { guildId: started.guildId }),
  );
  return { response: await sendInteraction(body), token };
}

/** Presses Cancel; `message` is the message the button sits on, as Discord would send it. */
export function clickCancel(
  started: StartedWorkflow,
  actor: Actor,
  message?: object,
): Promise<Response> {
  const data = { custom_id: `cancel:${started.workflowId}`, component_type: 2 };
  const place = { guildId: started.guildId, channelId: started.channelId };
  const body = interactionFrom(actor, 3, data, place);
  return sendInteraction(message ? { ...body, message } : body);
}

/**
 * Runs the slash command like `startViaDiscord`, but learns the workflow id from its quota row
 * (written before the ack), not from a first stage run: for workflows whose first stage waits.
 */
export async function startQueuedViaDiscord(
  workflow: TestWorkflow,
  input: string,
): Promise<{ workflowId: string; token: string }> {
  const channelId = freshId();
  const guildId = freshId();
  const userId = freshId();
  const issued = await emulator.createInteractionToken({
    ttlMs: TEST_TOKEN_TTL_MS,
    channelId,
    guildId,
    userId,
  });
  const res = await sendInteraction(
    interactionFrom({ userId }, 2, commandData(workflow.name, { input }), {
      id: issued.interactionId,
      token: issued.token,
      guildId,
      channelId,
    }),
    [workflow],
  );
  const reply = (await res.json()) as StartedWorkflow["reply"];
  expect(reply.type, JSON.stringify(reply)).toBe(5);
  // The interaction names the workflow. Its start message waits in the queue behind whatever
  // blocks it; the tracker is created now, as the consumer's admission would, so the first stage
  // is a queued stage of an existing workflow (the message, once consumed, finds it there).
  const workflowId = await workflowIdFor(emulator.applicationId, issued.interactionId);
  const options = { input };
  await trackerStub(env, workflowId).start({
    input: {
      workflowId,
      name: workflow.name,
      options,
      inputLabel: workflow.definition.describeInput(options),
      userId,
      guildId,
      channelId,
      applicationId: emulator.applicationId,
      interactionId: issued.interactionId,
      interactionToken: issued.token,
      receivedAt: Date.now(),
      estimateMs: workflow.definition.estimateMs(options),
    },
    quotaRefused: false,
    claim: null,
  });
  startedIds.add(workflowId);
  return { workflowId, token: issued.token };
}

export type ButtonReply = { type: number; data?: { content?: string; flags?: number } };

/**
 * Presses a button under a workflow's message the way Discord would: a component interaction of
 * its own, with a live token (the reply to it is a new run's progress, or a refusal).
 */
export async function pressButton(
  started: StartedWorkflow,
  userId: string,
  customId: string,
  workflows: TestWorkflow[],
): Promise<{ reply: ButtonReply; token: string }> {
  const issued = await emulator.createInteractionToken({
    channelId: started.channelId,
    guildId: started.guildId,
    userId,
  });
  const body = interactionFrom(
    { userId },
    3,
    { custom_id: customId, component_type: 2 },
    {
      id: issued.interactionId,
      token: issued.token,
      guildId: started.guildId,
      channelId: started.channelId,
    },
  );
  const response = await sendInteraction(body, workflows);
  return { reply: (await response.json()) as ButtonReply, token: issued.token };
}
