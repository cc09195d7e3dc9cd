// Starts /autointel the way Discord would (signed interaction through the real endpoint) and
// finds the workflow it started. The real definition is registered first; a copy whose stages
// record each invocation then replaces it under the same name, so tests can see the workflow id
// and how many invocations each stage took.
import "../../../src/workflows/index.ts";
import { env } from "cloudflare:workers";
import { expect, inject, vi } from "vitest";
import { workflowCommand } from "../../../src/interactions/commands/workflow-command.ts";
import { resultPrefix } from "../../../src/results/result-store.ts";
import type { AnyWorkflowDefinition, StageDefinition } from "../../../src/workflow/definition.ts";
import { registerWorkflow } from "../../../src/workflow/registry.ts";
import type { AutointelResultData } from "../../../src/workflows/autointel/build-result.ts";
import { autointelWorkflow } from "../../../src/workflows/autointel/definition.ts";
import type { AutointelOptions } from "../../../src/workflows/autointel/options.ts";
import { emulator, freshId } from "../../helpers/emulator.ts";
import {
  commandData,
  interactionFrom,
  sendInteraction,
  TEST_TOKEN_TTL_MS,
} from "../../helpers/workflow-harness.ts";
import type { SiteRequest } from "../../support/test-site.ts";
import type { TestWorkflow } from "../../support/test-workflow.ts";

export interface StageInvocation {
  workflowId: string;
  stage: string;
  resumed: boolean;
  /** Size of the state the invocation resumed from, as the tracker stores it. */
  stateBytes: number;
  /** The earlier outputs the tracker loaded for it. */
  inputs: string[];
  at: number;
}

/** Every autointel stage invocation in this test file's isolate. */
export const invocations: StageInvocation[] = [];

function recorded(stage: StageDefinition<AutointelOptions>): StageDefinition<AutointelOptions> {
  return {
    ...stage,
    run(ctx, state) {
      invocations.push({
        workflowId: ctx.workflowId,
        stage: stage.name,
        resumed: state !== undefined,
        stateBytes: state === undefined ? 0 : JSON.stringify(state).length,
        inputs: Object.keys(ctx.outputs).sort(),
        at: Date.now(),
      });
      return stage.run(ctx, state);
    },
  };
}

const definition = { ...autointelWorkflow, stages: autointelWorkflow.stages.map(recorded) };
registerWorkflow(definition);

export const autointel: TestWorkflow = {
  name: "autointel",
  definition: definition as AnyWorkflowDefinition,
  command: workflowCommand(definition),
};

export const siteOrigin = () => inject("testSiteOrigin");
export const deepSiteOrigin = () => inject("testDeepSiteOrigin");

export interface AnalysisStart {
  workflowId: string;
  token: string;
  tokenExpiresAt: number;
  channelId: string;
  userId: string;
}

export interface CommandOptions {
  url?: string;
  depth?: string;
}

/** Sends `/autointel` as a signed interaction; returns Discord's view of the reply. */
export async function sendAutointel(options: CommandOptions, ttlMs = TEST_TOKEN_TTL_MS) {
  const channelId = freshId();
  const guildId = freshId();
  const userId = freshId();
  const issued = await emulator.createInteractionToken({ ttlMs, channelId, guildId, userId });
  const commandOptions = Object.fromEntries(
    Object.entries(options).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const response = await sendInteraction(
    interactionFrom({ userId }, 2, commandData("autointel", commandOptions), {
      id: issued.interactionId,
      token: issued.token,
      guildId,
      channelId,
    }),
    [autointel],
  );
  const reply = (await response.json()) as {
    type: number;
    data?: { content?: string; flags?: number };
  };
  return { reply, issued, channelId, userId };
}

const claimed = new Set<string>();

/** Starts an analysis and waits until its first stage ran, to learn the workflow id. */
export async function startAnalysis(
  options: CommandOptions,
  ttlMs?: number,
): Promise<AnalysisStart> {
  const before = new Set(invocations.map((run) => run.workflowId));
  const { reply, issued, channelId, userId } = await sendAutointel(options, ttlMs);
  expect(reply.type, JSON.stringify(reply)).toBe(5);
  let workflowId = "";
  await vi.waitFor(
    () => {
      const run = invocations.find((r) => !before.has(r.workflowId) && !claimed.has(r.workflowId));
      if (!run) throw new Error("the first stage has not run yet");
      workflowId = run.workflowId;
    },
    { timeout: 10_000, interval: 20 },
  );
  claimed.add(workflowId);
  return { workflowId, token: issued.token, tokenExpiresAt: issued.expiresAt, channelId, userId };
}

export interface StoredResult {
  summary: string;
  status: string;
  error: string | null;
  fields: { name: string; value: string }[];
  data: AutointelResultData;
  markdown: string;
}

export async function storedResult(workflowId: string): Promise<StoredResult> {
  const prefix = resultPrefix(workflowId);
  const [json, markdown] = await Promise.all([
    env.RESULTS.get(`${prefix}result.json`),
    env.RESULTS.get(`${prefix}report.md`),
  ]);
  if (!json || !markdown) throw new Error(`no stored result for ${workflowId}`);
  return {
    ...((await json.json()) as Omit<StoredResult, "markdown">),
    markdown: await markdown.text(),
  };
}

/** What a test site received (all test files share the sites: assert "never" and "at least"). */
export async function siteRequests(origin: string): Promise<SiteRequest[]> {
  const response = await fetch(`${origin}/_site/requests`);
  return ((await response.json()) as { requests: SiteRequest[] }).requests;
}
