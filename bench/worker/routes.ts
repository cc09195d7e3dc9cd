// The bench Worker's own HTTP API under /bench/ (driven by bench/run.ts; never deployed).

import { importDiscordPublicKey, readSignedBody } from "../../src/http/discord-signature.ts";
import { handleInteractionRequest } from "../../src/http/interactions-endpoint.ts";
import type { HandlerRegistry } from "../../src/interactions/registry.ts";
import { createLogger } from "../../src/log.ts";
import { countingEnv, resetTally, rpcTimings, snapshotTally, tally } from "./billable-counters.ts";
import {
  type BenchEnv,
  rpcFloor,
  runCloudflareWorkflows,
  runNaive,
  runOurs,
  workflowStates,
} from "./engine-routes.ts";
import { consumerConcurrency } from "./naive-pipeline.ts";
import { holdStages } from "./stage-hold.ts";

type SignedBody = { body: string; signature: string; timestamp: string };

function signedRequest({ body, signature, timestamp }: SignedBody): Request {
  return new Request("http://bench.local/interactions", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
    body,
  });
}

/** n signature checks of one signed body through the product's own verify path. */
async function verifyMany(env: BenchEnv, input: SignedBody & { n: number }) {
  const key = await importDiscordPublicKey(env.DISCORD_PUBLIC_KEY);
  let verified = 0;
  for (let i = 0; i < input.n; i++) {
    if ((await readSignedBody(signedRequest(input), key, Date.now())).ok) verified++;
  }
  return { verified };
}

/** `n` structured log lines of a typical size, as wrangler dev captures them. */
function logLines(input: { n: number }) {
  const log = createLogger({ component: "bench" });
  for (let i = 0; i < input.n; i++)
    log.info("workflow.accepted", { workflowId: crypto.randomUUID(), name: "autointel" });
  return { written: input.n };
}

/** The whole start path in-process (verify, dispatch, durable start, deferred reply), one at a time. */
async function startPath(
  env: BenchEnv,
  ctx: ExecutionContext,
  registry: HandlerRegistry,
  input: { requests: SignedBody[] },
) {
  const durationsMs: number[] = [];
  const statuses: number[] = [];
  for (const signed of input.requests) {
    const started = Date.now(); // advances at each I/O: the D1, DO and queue calls of a start
    const response = await handleInteractionRequest(
      signedRequest(signed),
      countingEnv(env),
      ctx,
      registry,
    );
    await response.text();
    durationsMs.push(Date.now() - started);
    statuses.push(response.status);
  }
  return { durationsMs, statuses };
}

/** One queue send after another, the start message's size: the mean cost of one. */
async function queueSendFloor(env: BenchEnv, body: { calls: number; bytes: number }) {
  const message = { padding: "x".repeat(body.bytes) };
  await env.BENCH_SINK.send(message);
  const started = Date.now();
  for (let i = 0; i < body.calls; i++) await env.BENCH_SINK.send(message);
  return { sendMs: (Date.now() - started) / body.calls };
}

async function unfinishedCounts(env: BenchEnv, sinceMs: number) {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT COUNT(*) FROM running_workflows) AS running,
       (SELECT COUNT(*) FROM results WHERE created_at >= ?1) AS results,
       (SELECT COUNT(*) FROM results WHERE created_at >= ?1 AND delivered_at IS NOT NULL) AS delivered,
       (SELECT COUNT(*) FROM results WHERE created_at >= ?1 AND status = 'completed') AS completed`,
  )
    .bind(sinceMs)
    .first<{ running: number; results: number; delivered: number; completed: number }>();
  return row ?? { running: 0, results: 0, delivered: 0, completed: 0 };
}

/** Per result since `sinceMs`: from the workflow's end to its final message (ms). */
async function deliveryLatencies(env: BenchEnv, sinceMs: number): Promise<number[]> {
  const { results } = await env.DB.prepare(
    "SELECT delivered_at - completed_at AS ms FROM results WHERE created_at >= ? AND delivered_at IS NOT NULL",
  )
    .bind(sinceMs)
    .all<{ ms: number }>();
  return results.map((r) => r.ms);
}

export async function handleBenchRequest(
  request: Request,
  env: BenchEnv,
  ctx: ExecutionContext,
  registry: HandlerRegistry,
): Promise<Response> {
  const { pathname, searchParams } = new URL(request.url);
  const input = request.method === "POST" ? await request.json() : null;
  const answer = (value: unknown) => Response.json(value);
  switch (`${request.method} ${pathname}`) {
    case "POST /bench/ours":
      return answer(await runOurs(env, input as Parameters<typeof runOurs>[1]));
    case "POST /bench/cf-workflows":
      return answer(
        await runCloudflareWorkflows(env, input as Parameters<typeof runCloudflareWorkflows>[1]),
      );
    case "POST /bench/rpc-floor":
      return answer(await rpcFloor(env, input as { calls: number }));
    case "POST /bench/naive":
      return answer(await runNaive(env, input as Parameters<typeof runNaive>[1]));
    case "POST /bench/states":
      return answer(await workflowStates(env, (input as { ids: string[] }).ids));
    case "POST /bench/verify":
      return answer(await verifyMany(env, input as SignedBody & { n: number }));
    case "POST /bench/log-lines":
      return answer(logLines(input as { n: number }));
    case "POST /bench/start-path":
      return answer(await startPath(env, ctx, registry, input as { requests: SignedBody[] }));
    case "POST /bench/queue-send-floor":
      return answer(await queueSendFloor(env, input as { calls: number; bytes: number }));
    case "GET /bench/delivery-latency":
      return answer(await deliveryLatencies(env, Number(searchParams.get("since") ?? "0")));
    case "GET /bench/unfinished":
      return answer(await unfinishedCounts(env, Number(searchParams.get("since") ?? "0")));
    case "GET /bench/tally":
      return answer(snapshotTally());
    case "GET /bench/rpc-timings":
      return answer(Object.fromEntries(rpcTimings));
    case "POST /bench/tally/reset":
      resetTally();
      return answer(tally);
    case "POST /bench/stages/hold":
      holdStages(true);
      return answer({ held: true });
    case "POST /bench/stages/release":
      holdStages(false);
      return answer({ held: false });
    case "GET /bench/consumers":
      return answer(Object.fromEntries(consumerConcurrency));
    case "POST /bench/consumers/reset":
      consumerConcurrency.clear();
      return answer({ ok: true });
    default:
      return new Response("unknown bench route\n", { status: 404 });
  }
}
