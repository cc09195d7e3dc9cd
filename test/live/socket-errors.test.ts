import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_LIVE_SOCKETS } from "../../src/tracker/live-hub.ts";
import type { LiveServerMessage } from "../../src/tracker/live-protocol.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";
import { BOT, type LiveSocket, openSocket, sigFor } from "./live-client.ts";

const quick = defineTestWorkflow("live_errors_flow", [{ delayMs: 10 }, { delayMs: 10 }]);

let workflowId = "";
beforeAll(async () => {
  workflowId = (await startViaDiscord(quick)).workflowId;
  await waitForWorkflow(workflowId, (s) => s.deliveryState === "delivered");
});

async function errorOf(socket: LiveSocket): Promise<{ code: number; error: LiveServerMessage }> {
  const { code } = await socket.closed;
  const error = socket.messages.find((m) => m.type === "error");
  if (!error) throw new Error(`no error message before close ${code}`);
  return { code, error };
}

describe("live socket errors are explicit, never crashes", () => {
  it.each([
    ["a negative seq", -1],
    ["a fractional seq", 1.5],
    ["a seq as a string", "3"],
    ["no seq", undefined],
    ["a seq past the end of the log", 10_000],
  ])("%s → bad_seq, close 4400", async (_name, since) => {
    const socket = await openSocket(workflowId);
    socket.hello(since);
    const { code, error } = await errorOf(socket);
    expect(code).toBe(4400);
    expect(error).toMatchObject({ type: "error", code: "bad_seq" });
    expect(socket.events()).toEqual([]);
  });

  it("a message that is not a hello → bad_message", async () => {
    const socket = await openSocket(workflowId);
    socket.ws.send("hello?");
    const { code, error } = await errorOf(socket);
    expect(code).toBe(4400);
    expect(error).toMatchObject({ code: "bad_message" });
  });

  it("an unknown workflow id with a valid signature → unknown_workflow, close 4404", async () => {
    const socket = await openSocket(crypto.randomUUID());
    const { code, error } = await errorOf(socket);
    expect(code).toBe(4404);
    expect(error).toMatchObject({ code: "unknown_workflow" });
  });

  it(`socket number ${MAX_LIVE_SOCKETS + 1} of one workflow is refused; a freed slot is reusable`, async () => {
    const socketsFor = defineTestWorkflow("live_limit_flow", [{ delayMs: 10 }]);
    const id = (await startViaDiscord(socketsFor)).workflowId;
    const open: LiveSocket[] = [];
    for (let i = 0; i < MAX_LIVE_SOCKETS; i++) open.push(await openSocket(id));
    const extra = await openSocket(id);
    const { code, error } = await errorOf(extra);
    expect(code).toBe(4429);
    expect(error).toMatchObject({ code: "too_many_sockets" });

    open[0]?.ws.close(1000, "leaving");
    await open[0]?.closed;
    const again = await openSocket(id);
    again.hello(0);
    await again.until((messages) => messages.some((m) => m.type === "caught_up"));
    for (const socket of open.slice(1)) socket.ws.close(1000, "done");
  });

  it("a plain GET of the socket route asks for an upgrade (426)", async () => {
    const sig = await sigFor(workflowId);
    const res = await exports.default.fetch(`${BOT}/w/${workflowId}/socket?sig=${sig}`);
    expect(res.status).toBe(426);
  });

  it("the same plain GET with an expired link is 403 with the reason: the page stops retrying", async () => {
    const sig = await sigFor(workflowId, Date.now() - 1000);
    const res = await exports.default.fetch(
      `${BOT}/w/${workflowId}/socket?sig=${encodeURIComponent(sig)}`,
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain("expired");
  });
});
