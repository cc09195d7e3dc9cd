import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { workFileKey } from "../../../src/results/result-store.ts";
import { trackerStub } from "../../../src/tracker/api.ts";
import type { StageDefinition } from "../../../src/workflow/definition.ts";
import { registerWorkflow } from "../../../src/workflow/registry.ts";
import { exportWorkflow } from "../../../src/workflows/export/definition.ts";
import type { ExportOptions } from "../../../src/workflows/export/options.ts";
import { emulator } from "../../helpers/emulator.ts";
import { exportFiles, finished, runExport, seededChannel, truthOf } from "./export-harness.ts";
import { readDceExport } from "./format/dce-json-reader.ts";

// Faults in the middle of an export: each run reads 2,500 messages (three chunks of 1,000) at
// 10 pages a second with collect given 2 s (it yields after a second's reading), so the collect
// stage yields and a fault can land between chunks. The file must hold every message once, in
// order, whatever happened.

const COUNT = 2_500;
/** Channels whose exports crash once in these stages, after doing their work for real. */
const crashOnce = new Map<string, Set<string>>();
const runs = new Map<string, number>();

/** The real stage, but on its `crashAt`-th run it does its work and then dies before answering. */
function crashing(
  stage: StageDefinition<ExportOptions>,
  crashAt: number,
): StageDefinition<ExportOptions> {
  return {
    ...stage,
    async run(context, state) {
      const key = `${context.workflowId}:${stage.name}`;
      const run = (runs.get(key) ?? 0) + 1;
      runs.set(key, run);
      const outcome = await stage.run(context, state);
      const armed = crashOnce.get(context.options.channel);
      if (run === crashAt && armed?.has(stage.name)) {
        armed.delete(stage.name);
        throw new Error(`consumer died after ${stage.name} run ${run} did its work`);
      }
      return outcome;
    },
  };
}

const [prepare, fullCollect, assemble] = exportWorkflow.stages as StageDefinition<ExportOptions>[];
/** Collect with a short budget: it yields after about a second of reading. */
const collect = { ...(fullCollect as StageDefinition<ExportOptions>), budgetMs: 2_000 };
function deploy(
  stages: StageDefinition<ExportOptions>[],
  retired?: StageDefinition<ExportOptions>[],
) {
  registerWorkflow({ ...exportWorkflow, stages, ...(retired ? { retiredStages: retired } : {}) });
}
const withCrashes = [
  prepare as StageDefinition<ExportOptions>,
  crashing(collect as StageDefinition<ExportOptions>, 2),
  crashing(assemble as StageDefinition<ExportOptions>, 1),
];

afterEach(() => deploy(withCrashes));

/**
 * The seeded messages, each once and in order. The bot's own notices posted in the channel
 * while it ran are exported too when they came before the read passed them: not compared.
 */
async function expectExact(workflowId: string, channelId: string, newestId: string) {
  const seeded = (ids: string[]) => ids.filter((id) => BigInt(id) <= BigInt(newestId));
  const truth = seeded((await truthOf(channelId)).map((m) => m.id));
  expect(truth).toHaveLength(COUNT);
  const files = await exportFiles(workflowId);
  const read = readDceExport(files.get(`general-${channelId}.json`) as string);
  const ids = read.messages.map((m) => m.id);
  expect(seeded(ids)).toEqual(truth);
  expect(new Set(ids).size).toBe(ids.length);
  // The chunks and upload tails are deleted once the completed result is out.
  await vi.waitFor(
    async () => {
      const scratch = await env.RESULTS.list({ prefix: workFileKey(workflowId, "") });
      expect(scratch.objects).toEqual([]);
    },
    { timeout: 10_000, interval: 50 },
  );
}

async function yieldedOnce(workflowId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const events = await trackerStub(env, workflowId).events(0);
      if (!events.some((e) => e.type === "stage_yielded")) throw new Error("not yet");
    },
    { timeout: 30_000, interval: 20 },
  );
}

/** Slows the history route so a fault can land mid-export: 10 pages a second. */
async function slowHistory(channelId: string): Promise<void> {
  await emulator.setRateLimit({ match: channelId, method: "GET", limit: 10, windowMs: 1_000 });
}

describe("/export through faults", () => {
  it("a consumer that dies after writing a chunk, and one that dies after the file was complete: nothing lost or repeated", async () => {
    deploy(withCrashes);
    const { channelId, guildId, seeded } = await seededChannel(COUNT, { seed: 5 });
    await slowHistory(channelId);
    crashOnce.set(channelId, new Set(["collect", "assemble"]));
    const run = await runExport({ target: channelId, guildId, options: { format: "json" } });
    const done = await finished(run);
    expect(done.status).toBe("completed");
    expect(crashOnce.get(channelId)?.size).toBe(0); // both crashes happened
    const events = await trackerStub(env, run.workflowId).events(0);
    expect(events.filter((e) => e.type === "stage_retrying").length).toBeGreaterThanOrEqual(2);
    await expectExact(run.workflowId, channelId, seeded.newestId as string);
    // The run after the crash took over the chunk the dead one wrote: no page was read twice.
    const pages = (await emulator.requests(`/channels/${channelId}/messages`))
      .filter((r) => r.status === 200)
      .map((r) => new URLSearchParams(r.query).get("after"));
    expect(pages).toHaveLength(26);
    expect(new Set(pages).size).toBe(pages.length);
  });

  it("a token that dies mid-export: the result arrives by another route, complete", async () => {
    deploy(withCrashes);
    const { channelId, guildId, seeded } = await seededChannel(COUNT, { seed: 6 });
    await slowHistory(channelId);
    const run = await runExport({ target: channelId, guildId, options: { format: "json" } });
    await yieldedOnce(run.workflowId);
    await emulator.expireToken(run.token);
    const done = await finished(run);
    expect(done.status).toBe("completed");
    expect(done.deliveryRoute).not.toBe("interaction");
    await expectExact(run.workflowId, channelId, seeded.newestId as string);
  });

  it("a deploy that renames the collect stage mid-export: the run finishes on the stage it started", async () => {
    deploy(withCrashes);
    const { channelId, guildId, seeded } = await seededChannel(COUNT, { seed: 8 });
    await slowHistory(channelId);
    const run = await runExport({ target: channelId, guildId, options: { format: "json" } });
    await yieldedOnce(run.workflowId);
    const renamed = { ...(collect as StageDefinition<ExportOptions>), name: "read_history" };
    deploy([prepare, renamed, assemble] as StageDefinition<ExportOptions>[], [
      collect as StageDefinition<ExportOptions>,
    ]);
    const done = await finished(run);
    expect(done.status).toBe("completed");
    expect(done.stages.map((s) => s.name)).toEqual(["prepare", "collect", "assemble"]);
    await expectExact(run.workflowId, channelId, seeded.newestId as string);
  });

  it("a bucket that makes the history route wait longer than a stage may: it yields, and no 429 comes back", async () => {
    deploy(withCrashes);
    const { channelId, guildId } = await seededChannel(600, { seed: 9 });
    // Four pages per seven seconds: past the fourth page the wait (> 5 s) is handed back.
    await emulator.setRateLimit({ match: channelId, method: "GET", limit: 4, windowMs: 7_000 });
    const run = await runExport({ target: channelId, guildId, options: { format: "csv" } });
    const done = await finished(run);
    expect(done.status).toBe("completed");
    const events = await trackerStub(env, run.workflowId).events(0);
    const waits = events
      .filter((e) => e.type === "stage_yielded")
      .map((e) => Number((e.data as { continueAfterMs?: number }).continueAfterMs));
    expect(Math.max(...waits)).toBeGreaterThan(1_000);
    const reads = await emulator.requests(`/channels/${channelId}/messages`);
    expect(reads.length).toBeGreaterThanOrEqual(7);
    expect(reads.filter((r) => r.status === 429)).toEqual([]);
  }, 60_000);
});
