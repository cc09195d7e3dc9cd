import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { liveSocketLimits } from "../../src/live/socket-limits.ts";
import { startViaDiscord } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";
import { type LiveSocket, openSocket } from "./live-client.ts";

// A workflow that stays running for the whole file, so its sockets are not closed as settled.
const long = defineTestWorkflow("live_limits_flow", [
  { delayMs: 10, yields: 60, yieldAfterMs: 1000 },
]);
const limits = liveSocketLimits(env);

let workflowId = "";
beforeAll(async () => {
  workflowId = (await startViaDiscord(long)).workflowId;
});

async function live(options: Parameters<typeof openSocket>[1] = {}): Promise<LiveSocket> {
  const socket = await openSocket(workflowId, options);
  socket.hello(0);
  await socket.until((messages) => messages.some((m) => m.type === "caught_up"));
  return socket;
}

async function errorCode(socket: LiveSocket) {
  const { code } = await socket.closed;
  const error = socket.messages.find((m) => m.type === "error");
  return { code, error: error?.type === "error" ? error.code : null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("live view sockets cannot be held by one holder of the link", () => {
  it("reads its limits from configuration", () => {
    expect(limits).toEqual({ idleMs: 2000, maxLifetimeMs: 15_000, perClient: 4 });
  });

  it("one client gets at most the per-client cap; another client still gets in", async () => {
    const mine = [];
    for (let i = 0; i < limits.perClient; i++) mine.push(await live({ client: "203.0.113.7" }));
    const extra = await openSocket(workflowId, { client: "203.0.113.7" });
    expect(await errorCode(extra)).toEqual({ code: 4429, error: "client_limit" });
    const other = await live({ client: "203.0.113.8" });
    for (const socket of [...mine, other]) socket.ws.close(1000, "done");
  });

  it("a socket that said hello and then fell silent is dropped as idle; a pinging one stays", async () => {
    const silent = await live({ ping: false });
    const pinging = await live();
    await sleep(limits.idleMs + 500);
    // Any connect sweeps: the silent socket loses its slot, the pinging one keeps it.
    const next = await live();
    expect(await errorCode(silent)).toEqual({ code: 4408, error: "idle_timeout" });
    expect(pinging.ws.readyState).toBe(WebSocket.OPEN);
    for (const socket of [pinging, next]) socket.ws.close(1000, "done");
  });

  it("even a pinging socket is closed after the maximum lifetime", {
    timeout: 40_000,
  }, async () => {
    const old = await live();
    await sleep(limits.maxLifetimeMs + 500);
    const next = await live();
    expect(await errorCode(old)).toEqual({ code: 4408, error: "lifetime_over" });
    next.ws.close(1000, "done");
  });
});
