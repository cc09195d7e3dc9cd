// a) How fast the bot acknowledges: a signed PING (verify + PONG) against a workflow-starting
// /autointel (verify + durable start + deferred reply), interleaved, through wrangler dev; then
// the same start path in-process, and one signature check, so the bot's share is visible.
import {
  type BenchTarget,
  benchCall,
  commandInteraction,
  freshActor,
  pingInteraction,
  type SignedBody,
  signed,
} from "./bench-client.ts";
import { runLoad, type TimedRequest } from "./http-load.ts";
import { type Distribution, distribution } from "./stats.ts";

export interface AckRow {
  connections: number;
  kind: "PING alone" | "PING" | "/autointel";
  latency: Distribution;
  requestsPerSecond: number;
  errors: number;
}

export interface AckReport {
  rows: AckRow[];
  /** Workflows the measurement started (acknowledged /autointel, warm-up and in-process included). */
  started: number;
  inProcess: {
    startPathMs: Distribution;
    verifyMicroseconds: number;
    queueSendMs: number;
    /** What one structured log line adds to a request under wrangler dev. */
    logLineMs: number;
  };
}

/** About the size of an /autointel start message (its input, origin and route plan). */
const START_MESSAGE_BYTES = 1200;

async function autointelRequest(target: BenchTarget, url: string): Promise<SignedBody> {
  const interaction = await commandInteraction(
    target,
    "autointel",
    [
      { name: "url", type: 3, value: url },
      { name: "depth", type: 3, value: "quick" },
    ],
    freshActor(),
  );
  return signed(target, interaction);
}

async function interleaved(
  target: BenchTarget,
  pairs: number,
  pageUrl: string,
): Promise<TimedRequest[]> {
  const items: TimedRequest[] = [];
  for (let i = 0; i < pairs; i++) {
    items.push({ kind: "PING", ...(await signed(target, pingInteraction(target))) });
    items.push({ kind: "/autointel", ...(await autointelRequest(target, pageUrl)) });
  }
  return items;
}

async function pingsAlone(target: BenchTarget, count: number): Promise<TimedRequest[]> {
  const items: TimedRequest[] = [];
  for (let i = 0; i < count; i++)
    items.push({ kind: "PING alone", ...(await signed(target, pingInteraction(target))) });
  return items;
}

/** PINGs alone (the baseline every bot pays), then PING and /autointel interleaved. */
async function measure(
  target: BenchTarget,
  connections: number,
  pairs: number,
  pageUrl: string,
): Promise<AckRow[]> {
  const alone = await runLoad(
    `${target.botOrigin}/interactions`,
    await pingsAlone(target, pairs),
    connections,
  );
  const mixed = await runLoad(
    `${target.botOrigin}/interactions`,
    await interleaved(target, pairs, pageUrl),
    connections,
  );
  return (["PING alone", "PING", "/autointel"] as const).map((kind) => {
    const { results, wallMs } = kind === "PING alone" ? alone : mixed;
    const mine = results.filter((r) => r.kind === kind);
    const expected = kind === "/autointel" ? 5 : 1;
    const ok = mine.filter((r) => r.status === 200 && r.responseType === expected);
    return {
      connections,
      kind,
      latency: distribution(ok.map((r) => r.ms)),
      requestsPerSecond: (results.length / wallMs) * 1000,
      errors: mine.length - ok.length,
    };
  });
}

/** Wall time of one /bench call, for differential timing (the call's fixed cost cancels out). */
async function timedCall(target: BenchTarget, path: string, body: unknown): Promise<number> {
  const started = performance.now();
  await benchCall(target, path, body);
  return performance.now() - started;
}

/** What one unit of a /bench call's work costs: n units against none, best of 5 rounds. */
async function perUnitMs(target: BenchTarget, path: string, body: object, n: number) {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const empty = await timedCall(target, path, { ...body, n: 0 });
    const full = await timedCall(target, path, { ...body, n });
    samples.push((full - empty) / n);
  }
  return Math.min(...samples);
}

/**
 * What one log line adds to a request: requests that write one line against requests that write
 * none, interleaved, medians (wrangler dev's cost is per request that logs, not per line).
 */
async function logLineCostMs(target: BenchTarget, calls: number): Promise<number> {
  const none: number[] = [];
  const one: number[] = [];
  for (let i = 0; i < calls; i++) {
    none.push(await timedCall(target, "log-lines", { n: 0 }));
    one.push(await timedCall(target, "log-lines", { n: 1 }));
  }
  return distribution(one).p50 - distribution(none).p50;
}

async function verifyCostMicroseconds(target: BenchTarget): Promise<number> {
  const sample = await signed(target, pingInteraction(target));
  return (await perUnitMs(target, "verify", sample, 4000)) * 1000;
}

export async function measureAckLatency(
  target: BenchTarget,
  pageUrl: string,
  plan: { warmupPairs: number; pairsAtOne: number; pairsAtTen: number; inProcessStarts: number },
): Promise<AckReport> {
  const warmup = await measure(target, 4, plan.warmupPairs, pageUrl);
  await benchCall(target, "stages/hold", {});
  try {
    const rows = [
      ...(await measure(target, 1, plan.pairsAtOne, pageUrl)),
      ...(await measure(target, 10, plan.pairsAtTen, pageUrl)),
    ];
    const requests: SignedBody[] = [];
    for (let i = 0; i < plan.inProcessStarts; i++)
      requests.push(await autointelRequest(target, pageUrl));
    const inProcess = await benchCall<{ durationsMs: number[]; statuses: number[] }>(
      target,
      "start-path",
      {
        requests,
      },
    );
    if (inProcess.statuses.some((s) => s !== 200)) throw new Error("an in-process start failed");
    const acked = [...warmup, ...rows].filter((r) => r.kind === "/autointel");
    return {
      rows,
      started: acked.reduce((n, r) => n + r.latency.count, 0) + requests.length,
      inProcess: {
        startPathMs: distribution(inProcess.durationsMs),
        verifyMicroseconds: await verifyCostMicroseconds(target),
        queueSendMs: (
          await benchCall<{ sendMs: number }>(target, "queue-send-floor", {
            calls: 200,
            bytes: START_MESSAGE_BYTES,
          })
        ).sendMs,
        logLineMs: await logLineCostMs(target, 200),
      },
    };
  } finally {
    await benchCall(target, "stages/release", {});
  }
}

export function ackRatio(
  report: AckReport,
  connections: number,
  percentile: "p50" | "p99",
): number {
  const ping = report.rows.find((r) => r.connections === connections && r.kind === "PING");
  const start = report.rows.find((r) => r.connections === connections && r.kind === "/autointel");
  return start && ping ? start.latency[percentile] / ping.latency[percentile] : Number.NaN;
}
