// h) GET /health under a flood: what 2,000 public /health requests cost (billable operations and
// Discord calls, counted by the bench Worker and the emulator), and bench c)'s result latency
// without and with a /health flood running beside it, in the same run.
import { Agent, request } from "node:http";
import type { BenchTarget } from "./bench-client.ts";
import { benchCall } from "./bench-client.ts";
import type { Tally } from "./billable-ops.ts";
import { type DiscordRun, measureDiscordRequests } from "./discord-requests.ts";
import { percentile } from "./stats.ts";

export interface FloodFigures {
  requests: number;
  statuses: Record<string, number>;
  latencyMs: { p50: number; p99: number };
  requestsPerSecond: number;
}

export interface HealthFloodReport {
  /** The flood alone: its figures and every billable operation and Discord call it caused. */
  alone: FloodFigures & { billable: Tally; discordCalls: number };
  /**
   * Bench c) alone; again with the load (`requests` /health in a few seconds) sent as it
   * starts; and again with a flood of /health running until it finished.
   */
  quiet: DiscordRun;
  burst: DiscordRun;
  burstDuringC: FloodFigures;
  flooded: DiscordRun;
  floodDuringC: FloodFigures;
}

function get(agent: Agent, url: URL): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
    });
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET /health over `connections` keep-alive connections, at most `perSecond`, until `count` are
 * sent or `stop()`: a paced crowd, not a CPU race between this process and wrangler on one machine.
 */
function flood(target: BenchTarget, connections: number, count: number, perSecond: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL("/health", target.botOrigin);
  const statuses: Record<string, number> = {};
  const times: number[] = [];
  let stopped = false;
  let sent = 0;
  const started = performance.now();
  const worker = async () => {
    while (!stopped && sent < count) {
      const due = started + (sent / perSecond) * 1000;
      sent++;
      if (due > performance.now()) await sleep(due - performance.now());
      const answer = await get(agent, url);
      const key = `${answer.status} ${answer.body}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
      times.push(answer.ms);
    }
  };
  const done = Promise.all(Array.from({ length: connections }, worker)).then((): FloodFigures => {
    agent.destroy();
    const seconds = (performance.now() - started) / 1000;
    return {
      requests: times.length,
      statuses,
      latencyMs: { p50: percentile(times, 50), p99: percentile(times, 99) },
      requestsPerSecond: times.length / seconds,
    };
  });
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}

export async function measureHealthFlood(
  target: BenchTarget,
  plan: {
    requests: number;
    perSecond: number;
    connections: number;
    workflows: number;
    tokenTtlSeconds: number;
  },
): Promise<HealthFloodReport> {
  await benchCall(target, "tally/reset", {});
  const firstSeq = (await target.emulator.stats()).requests;
  const aloneFigures = await flood(target, plan.connections, plan.requests, plan.perSecond).done;
  const billable = await benchCall<Tally>(target, "tally");
  const discordCalls = (await target.emulator.stats()).requests - firstSeq;
  const c = { workflows: plan.workflows, channels: 5, tokenTtlSeconds: plan.tokenTtlSeconds };
  const quiet = await measureDiscordRequests(target, c);
  const bursting = flood(target, plan.connections, plan.requests, plan.perSecond);
  const burst = await measureDiscordRequests(target, c);
  const burstDuringC = await bursting.done;
  const running = flood(target, plan.connections, Number.POSITIVE_INFINITY, plan.perSecond);
  const flooded = await measureDiscordRequests(target, c);
  running.stop();
  return {
    alone: { ...aloneFigures, billable, discordCalls },
    quiet,
    burst,
    burstDuringC,
    flooded,
    floodDuringC: await running.done,
  };
}
