// Runs N soak workflows at once, each under its own seeded fault schedule, and checks each one.
import { expect } from "vitest";
import { workflowIdFor } from "../../src/queue/start.ts";
import type { WorkflowSnapshot } from "../../src/tracker/rpc.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import {
  commandData,
  interactionFrom,
  sendInteraction,
  status,
  TEST_TOKEN_TTL_MS,
} from "../helpers/workflow-harness.ts";
import { type AppliedFaults, driveFaults, type SoakActor } from "./fault-driver.ts";
import { RequestWatch } from "./request-watch.ts";
import { checkWorkflow, type SoakOutcome } from "./soak-checks.ts";
import { faultNames, type SoakPlan, soakPlans } from "./soak-plan.ts";
import {
  persistedPlans,
  SOAK_WORKFLOW,
  soakPlansByInput,
  soakWorkflow,
  workflowIdsByPlan,
} from "./soak-workflow.ts";

export interface SoakResult {
  plan: SoakPlan;
  workflowId: string | null;
  snapshot: WorkflowSnapshot | null;
  outcome: SoakOutcome;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ended = (s: WorkflowSnapshot | null) =>
  s?.deliveryState === "delivered" || s?.deliveryState === "orphaned";

async function startOne(plan: SoakPlan, seed: number): Promise<SoakActor> {
  const actor = { userId: freshId(), guildId: freshId(), channelId: freshId() };
  const issued = await emulator.createInteractionToken({ ttlMs: TEST_TOKEN_TTL_MS, ...actor });
  const input = inputOf(seed, plan);
  soakPlansByInput.set(input, plan);
  const reply = await sendInteraction(
    interactionFrom(
      { userId: actor.userId, username: "soak" },
      2,
      commandData(SOAK_WORKFLOW, { input }),
      {
        id: issued.interactionId,
        token: issued.token,
        guildId: actor.guildId,
        channelId: actor.channelId,
      },
    ),
    [soakWorkflow],
  );
  const body = (await reply.json()) as { type?: number };
  expect(body.type, `plan ${plan.index}: ${JSON.stringify(body)}`).toBe(5);
  // The interaction names the workflow as soon as the ack is out, whether or not a stage ever runs.
  workflowIdsByPlan.set(
    plan.index,
    await workflowIdFor(emulator.applicationId, issued.interactionId),
  );
  return { ...actor, token: issued.token };
}

/**
 * Waits until every workflow has ended or the time is up. Only workflows whose result was built
 * are asked for their state: polling hundreds of trackers would starve the consumer, which runs
 * on the same isolate.
 */
async function waitForAll(plans: SoakPlan[], seed: number, deadline: number) {
  const snapshots = new Map<number, WorkflowSnapshot | null>();
  while (Date.now() < deadline) {
    const open = plans.filter((p) => !ended(snapshots.get(p.index) ?? null));
    if (open.length === 0) break;
    const persisted = open.filter((p) => persistedPlans.has(inputOf(seed, p)));
    await Promise.all(
      persisted.map(async (plan) => {
        const id = workflowIdsByPlan.get(plan.index);
        if (id) snapshots.set(plan.index, await status(id));
      }),
    );
    await sleep(500);
  }
  // The last word on each, for the checks (also for those that never got that far).
  await Promise.all(
    plans.map(async (plan) => {
      const id = workflowIdsByPlan.get(plan.index);
      if (id && !ended(snapshots.get(plan.index) ?? null))
        snapshots.set(plan.index, await status(id));
    }),
  );
  return snapshots;
}

const inputOf = (seed: number, plan: SoakPlan) => `soak-${seed}-${plan.index}`;

/**
 * `paceMs` spaces the starts (0 = all at once): locally one queue batch runs at a time, so a
 * burst leaves hundreds of first stages waiting in the queue longer than a stage lease.
 */
export async function runSoak(
  seed: number,
  count: number,
  paceMs: number,
  timeoutMs: number,
): Promise<SoakResult[]> {
  const plans = soakPlans(seed, count);
  const watch = new RequestWatch();
  await watch.start();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      await watch.poll();
      await sleep(500);
    }
  })();
  const deadline = Date.now() + timeoutMs;
  const finished = new Set<number>();
  const firstStart = Date.now();
  const started = await Promise.all(
    plans.map(async (plan) => {
      await sleep(firstStart + plan.index * paceMs - Date.now());
      const actor = await startOne(plan, seed);
      const faults = driveFaults(
        plan,
        actor,
        Date.now(),
        watch,
        () => finished.has(plan.index) || Date.now() > deadline,
      );
      return { plan, actor, faults };
    }),
  );
  const snapshots = await waitForAll(plans, seed, deadline);
  for (const plan of plans) finished.add(plan.index);
  const applied = new Map<number, AppliedFaults>();
  for (const s of started) applied.set(s.plan.index, await s.faults);
  watching = false;
  await watcher;
  await watch.poll();
  const messages = await emulator.messages();
  const results: SoakResult[] = [];
  for (const { plan, actor } of started) {
    const workflowId = workflowIdsByPlan.get(plan.index) ?? null;
    const snapshot = snapshots.get(plan.index) ?? null;
    const faults = applied.get(plan.index) ?? { tokenKilledAt: null, notes: [] };
    const outcome = await checkWorkflow(
      workflowId ?? undefined,
      snapshot,
      actor,
      faults,
      messages,
      watch,
    );
    results.push({ plan, workflowId, snapshot, outcome });
  }
  return results;
}

export { faultNames };
