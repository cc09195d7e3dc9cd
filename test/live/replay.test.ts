import { describe, expect, it } from "vitest";
import type { LiveServerMessage } from "../../src/tracker/live-protocol.ts";
import type { LiveState } from "../../src/tracker/live-state.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";
import { allEvents, openSocket } from "./live-client.ts";

const steady = defineTestWorkflow("live_replay_flow", [
  { delayMs: 900, progressSteps: 3 },
  { delayMs: 600, progressSteps: 2, yields: 2 },
  { delayMs: 1200, progressSteps: 4 },
]);

const caughtUp = (messages: LiveServerMessage[]) => messages.some((m) => m.type === "caught_up");
const lastState = (messages: LiveServerMessage[]): LiveState | undefined =>
  messages.flatMap((m) => (m.type === "state" ? [m.state] : [])).at(-1);

describe("live view replay", () => {
  it("connect late, drop mid-run, reconnect: every event exactly once, in order", async () => {
    const started = await startViaDiscord(steady);
    // Late: the first stage is done before anyone watches.
    await waitForWorkflow(started.workflowId, (s) => s.currentStage >= 1);

    const first = await openSocket(started.workflowId);
    first.hello(0);
    await first.until(caughtUp);
    const replayedThrough = first.messages.find((m) => m.type === "caught_up")?.seq ?? 0;
    // workflow_started, stage_started, stage_completed (stage 2 rides on the same message).
    expect(replayedThrough).toBeGreaterThanOrEqual(3);
    expect(first.events().map((e) => e.type)).toContain("stage_completed");
    // Then at least one event that arrived live, after the replay.
    await first.until(() => first.events().some((e) => e.seq > replayedThrough));
    first.ws.close(1000, "going away");
    await first.closed;
    const seenBeforeDrop = first.events();
    const lastSeen = seenBeforeDrop.at(-1)?.seq ?? 0;

    // Events keep happening while nobody is connected.
    await waitForWorkflow(started.workflowId, (s) => s.currentStage >= 2);
    const second = await openSocket(started.workflowId);
    second.hello(lastSeen);
    const end = await second.closed; // the server closes once the workflow has settled
    expect(end.code).toBe(1000);
    expect(second.events()[0]?.seq).toBe(lastSeen + 1);
    expect(lastState(second.messages)?.settled).toBe(true);
    expect(lastState(second.messages)?.progress.fraction).toBe(1);

    const received = [...seenBeforeDrop, ...second.events()];
    const log = await allEvents(started.workflowId);
    expect(log.map((e) => e.type)).toContain("delivered");
    // Exactly the log: nothing dropped across the disconnect, nothing repeated, same order.
    expect(received).toEqual(log);
  });

  it("a viewer connected from the start gets the whole log live, then the final state", async () => {
    const started = await startViaDiscord(steady);
    const viewer = await openSocket(started.workflowId);
    viewer.hello(0);
    const end = await viewer.closed;
    expect(end.code).toBe(1000);
    expect(viewer.events()).toEqual(await allEvents(started.workflowId));
    const states = viewer.messages.flatMap((m) => (m.type === "state" ? [m.state] : []));
    // Heartbeat progress reaches the page as state, between events.
    const fractions = new Set(states.map((s) => s.progress.fraction));
    expect(fractions.size).toBeGreaterThan(3);
    expect(states.at(-1)).toMatchObject({ status: "completed", settled: true });
    expect(states.at(-1)?.delivery.state).toBe("delivered");
    expect(states.at(-1)?.stages.every((s) => s.status === "done" && s.finishedAt !== null)).toBe(
      true,
    );
  });

  it("hello after the end replays what was missed and closes: a finished page needs no socket", async () => {
    const started = await startViaDiscord(steady);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const log = await allEvents(started.workflowId);
    const late = await openSocket(started.workflowId);
    late.hello(log.length - 2);
    expect((await late.closed).code).toBe(1000);
    expect(late.events()).toEqual(log.slice(-2));
    expect(late.messages.map((m) => m.type)).toEqual(["event", "event", "caught_up", "state"]);
  });
});
