import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { workflowIdFor } from "../../src/queue/start.ts";
import { admitStart } from "../../src/queue/start-admission.ts";
import type { StartWorkflowInput } from "../../src/tracker/api.ts";
import { plannedRequests } from "../../src/workflows/autointel/depth.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { TEST_TOKEN_TTL_MS } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// Admitted runs yield for a minute: they keep their slot while the test starts the next one.
const slow = defineTestWorkflow("budget_flow", [{ yields: 1, yieldAfterMs: 60_000 }]);
const DAY_MS = 24 * 3_600_000;

type Start = { userId: string; guildId: string | null; requests?: number };
type Admitted = { refusal: string | null; receivedAt: number };

/**
 * One start message through the consumer's admission (start-admission.ts) with real D1, tracker
 * and emulator, under the budgets given as settings: the test's limits, the engine's code.
 */
async function admit(settings: Record<string, string>, start: Start): Promise<Admitted> {
  const channelId = freshId();
  const issued = await emulator.createInteractionToken({
    ttlMs: TEST_TOKEN_TTL_MS,
    channelId,
    guildId: start.guildId ?? undefined,
    userId: start.userId,
  });
  const workflowId = await workflowIdFor(emulator.applicationId, issued.interactionId);
  const receivedAt = Date.now();
  const input: StartWorkflowInput = {
    workflowId,
    name: slow.name,
    options: { input: "x" },
    inputLabel: "x",
    userId: start.userId,
    guildId: start.guildId,
    channelId,
    applicationId: emulator.applicationId,
    interactionId: issued.interactionId,
    interactionToken: issued.token,
    receivedAt,
    estimateMs: 1000,
    outboundRequests: start.requests ?? 0,
  };
  const configured = { ...env, ...settings } as Env;
  const message = { workflowId, stage: 0, invocation: 1 };
  const claim = await admitStart(configured, message, input, 1, createLogger());
  if (claim.action !== "skip") return { refusal: null, receivedAt };
  const messages = await emulator.messages({ token: issued.token });
  const refusal = messages.find((m) => m.content?.includes("nothing was started"));
  // Said to the user alone; the channel's "thinking…" is deleted.
  expect(refusal?.flags).toBe(64);
  expect(messages).toHaveLength(1);
  return { refusal: refusal?.content ?? null, receivedAt };
}

const refillMark = (chargedAt: number) => `<t:${Math.ceil((chargedAt + DAY_MS) / 1000)}:R>`;
// Concurrency out of the way, so each test meets the budget it is about.
const roomy = { MAX_RUNNING_PER_USER: "50", MAX_RUNNING_PER_GUILD: "50" };

describe("budgets refuse a start, saying which, when it refills and what to do now", () => {
  it("the global cap on running workflows, everyone's together", async () => {
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM running_workflows").first<{
      n: number;
    }>();
    const cap = { ...roomy, MAX_RUNNING_GLOBAL: String((row?.n ?? 0) + 2) };
    const first = await admit(cap, { userId: freshId(), guildId: freshId() });
    const second = await admit(cap, { userId: freshId(), guildId: null });
    const third = await admit(cap, { userId: freshId(), guildId: freshId() });
    expect([first.refusal, second.refusal]).toEqual([null, null]);
    expect(third.refusal).toContain("running as many workflows as it allows at once");
    expect(third.refusal).toContain("everyone's together");
    expect(third.refusal).toContain("try again in a few minutes");
  });

  it("per user per day: runs, a user-installed run in a DM counted like one in a server", async () => {
    const userId = freshId();
    const daily = { ...roomy, USER_DAILY_RUNS: "2" };
    const inDm = await admit(daily, { userId, guildId: null });
    expect((await admit(daily, { userId, guildId: freshId() })).refusal).toBeNull();
    const refused = await admit(daily, { userId, guildId: freshId() });
    expect(inDm.refusal).toBeNull();
    expect(refused.refusal).toContain("Your budget of 2 runs a day is used up");
    // The oldest run leaves the window first: that is when a run fits again.
    expect(refused.refusal).toContain(`It refills ${refillMark(inDm.receivedAt)}`);
    expect(refused.refusal).toContain("`/retrieve_results`");
    // Someone else is not affected.
    expect((await admit(daily, { userId: freshId(), guildId: null })).refusal).toBeNull();
  });

  it("per user per day: outbound requests, weighted by depth, with the lighter run that fits now", async () => {
    const userId = freshId();
    const deep = plannedRequests("deep");
    const standard = plannedRequests("standard");
    const quick = plannedRequests("quick");
    const budget = { ...roomy, USER_DAILY_REQUESTS: String(deep + quick) };
    const first = await admit(budget, { userId, guildId: null, requests: deep });
    expect(first.refusal).toBeNull();
    const refused = await admit(budget, { userId, guildId: null, requests: standard });
    expect(refused.refusal).toContain(`would make up to ${standard} requests`);
    expect(refused.refusal).toContain(`has ${quick} left`);
    expect(refused.refusal).toContain(`Enough refills ${refillMark(first.receivedAt)}`);
    expect(refused.refusal).toContain(`at most ${quick} requests`);
    // The lighter run it suggests is admitted now.
    expect((await admit(budget, { userId, guildId: null, requests: quick })).refusal).toBeNull();
    const tooBig = await admit(
      { ...roomy, USER_DAILY_REQUESTS: String(quick) },
      { userId: freshId(), guildId: null, requests: deep },
    );
    expect(tooBig.refusal).toContain(`more than your whole daily budget of ${quick}`);
  });

  it("per guild per day: runs of all its members, user-installed ones included", async () => {
    const guildId = freshId();
    const daily = { ...roomy, GUILD_DAILY_RUNS: "2" };
    const first = await admit(daily, { userId: freshId(), guildId });
    // A user-installed app run in the server carries the guild: it counts against the server.
    expect((await admit(daily, { userId: freshId(), guildId })).refusal).toBeNull();
    const refused = await admit(daily, { userId: freshId(), guildId });
    expect(first.refusal).toBeNull();
    expect(refused.refusal).toContain("This server's budget of 2 runs a day is used up");
    expect(refused.refusal).toContain(`It refills ${refillMark(first.receivedAt)}`);
    // The same users elsewhere are not refused.
    expect((await admit(daily, { userId: freshId(), guildId: freshId() })).refusal).toBeNull();
  });

  it("per guild per day: outbound requests", async () => {
    const guildId = freshId();
    const deep = plannedRequests("deep");
    const budget = { ...roomy, GUILD_DAILY_REQUESTS: String(deep + 10) };
    const first = await admit(budget, { userId: freshId(), guildId, requests: deep });
    const refused = await admit(budget, { userId: freshId(), guildId, requests: deep });
    expect(first.refusal).toBeNull();
    expect(refused.refusal).toContain("this server's daily budget");
    expect(refused.refusal).toContain("has 10 left");
    expect(refused.refusal).toContain(`Enough refills ${refillMark(first.receivedAt)}`);
  });
});
