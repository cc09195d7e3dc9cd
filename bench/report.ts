// The benchmark's tables, printed and pasted into the README as they are.
import type { AckReport } from "./ack-latency.ts";
import { ackRatio } from "./ack-latency.ts";
import type { BillableReport } from "./billable-ops.ts";
import type { DiscordRun } from "./discord-requests.ts";
import type { EngineReport, EngineRow } from "./engine-overhead.ts";
import { exportSection } from "./export-report.ts";
import type { ExportReport } from "./export-run.ts";
import type { HealthFloodReport } from "./health-flood.ts";
import { figure, markdownTable as table } from "./markdown-table.ts";

/** A table with blank lines around it, so the printout pastes into Markdown as it is. */
const markdownTable = (header: string[], rows: (string | number)[][]) =>
  `\n${table(header, rows)}\n`;

import type { ThousandReport } from "./thousand-workflows.ts";

export interface BenchReports {
  ack: AckReport;
  engine: EngineReport;
  discord: DiscordRun;
  billable: BillableReport;
  thousand: ThousandReport;
  health: HealthFloodReport;
  export: ExportReport;
}

function ackSection({ ack }: BenchReports): string {
  const rows = ack.rows.map((r) => [
    r.connections,
    r.kind,
    figure(r.latency.p50),
    figure(r.latency.p90),
    figure(r.latency.p99),
    figure(r.requestsPerSecond),
    r.errors,
  ]);
  const start = ack.inProcess.startPathMs;
  return [
    "a) Acknowledgement latency through wrangler dev (PING alone, then PING and /autointel interleaved; stages held meanwhile)",
    markdownTable(
      ["connections", "request", "p50 ms", "p90 ms", "p99 ms", "req/s (run)", "errors"],
      rows,
    ),
    `/autointel ÷ PING: p50 ${figure(ackRatio(ack, 1, "p50"))}×, p99 ${figure(ackRatio(ack, 1, "p99"))}× at 1 connection; p50 ${figure(ackRatio(ack, 10, "p50"))}×, p99 ${figure(ackRatio(ack, 10, "p99"))}× at 10.`,
    `In-process, no HTTP: the start path (verify + the start message queued + deferred reply) p50 ${figure(start.p50)} ms, p90 ${figure(start.p90)} ms, p99 ${figure(start.p99)} ms; one Ed25519 verify ${figure(ack.inProcess.verifyMicroseconds)} µs; one queue send alone (the start's durable write; one after another) ${figure(ack.inProcess.queueSendMs)} ms; a request that writes one log line takes ${figure(ack.inProcess.logLineMs)} ms (p50) longer than one that writes none (neither a PING nor a start writes one).`,
  ].join("\n");
}

function engineSection({ engine }: BenchReports): string {
  const names = [...new Set(engine.rows.map((r) => r.engine))];
  const at = (name: string, concurrency: number) =>
    engine.rows.find((r) => r.engine === name && r.concurrency === concurrency) as EngineRow;
  const concurrent = Math.max(...engine.rows.map((r) => r.concurrency));
  const rows = names.map((name) => [
    name,
    figure(at(name, 1).msPerStage),
    figure(at(name, concurrent).msPerStage),
    figure(at(name, concurrent).stagesPerSecond),
    at(name, 1).completed && at(name, concurrent).completed ? "yes" : "NO",
  ]);
  const lanes = engine.oursTwoLanes;
  rows.splice(1, 0, [
    `${lanes.engine} (two bench queues)`,
    "—",
    figure(lanes.msPerStage),
    figure(lanes.stagesPerSecond),
    lanes.completed ? "yes" : "NO",
  ]);
  const [ours, workflows, naive] = names.map((n) => ({ one: at(n, 1), many: at(n, concurrent) }));
  const ratio = (a: number | undefined, b: number | undefined) =>
    figure((a ?? Number.NaN) / (b ?? Number.NaN));
  const q = engine.queue;
  return [
    `b) Engine overhead per no-op stage (${engine.stages}-stage workflows)`,
    markdownTable(
      [
        "engine",
        "1 at a time: ms/stage",
        `${concurrent} at once: ms/stage`,
        `${concurrent} at once: stages/s`,
        "all done",
      ],
      rows,
    ),
    `Ours ÷ Cloudflare Workflows: ${ratio(ours?.one.msPerStage, workflows?.one.msPerStage)}× the time per stage alone, ${ratio(ours?.many.stagesPerSecond, workflows?.many.stagesPerSecond)}× the throughput at ${concurrent}, ${ratio(lanes.stagesPerSecond, workflows?.many.stagesPerSecond)}× with two batches in flight (up to ${lanes.maxBatchesInFlight} at once: the product's batch size on two bench-only queues, as Cloudflare's consumer scaling runs a backlog; Miniflare hands one queue's batches over one at a time). Ours ÷ naive DO + queue: ${ratio(ours?.one.msPerStage, naive?.one.msPerStage)}× and ${ratio(ours?.many.stagesPerSecond, naive?.many.stagesPerSecond)}×.`,
    `Ours, one at a time, per tracker call seen from the caller: ${Object.entries(engine.oursRpcMs)
      .filter(([method]) => method !== "status")
      .map(([method, ms]) => `${method} ${figure(ms)} ms`)
      .join(
        ", ",
      )}. The floor, one call after another: a tracker call that does nothing (ping) ${figure(engine.floor.pingMs)} ms, a Durable Object call that writes one row ${figure(engine.floor.oneRowWriteMs)} ms.`,
    `Local queue: at most ${q.sleepingBatches.maxConcurrentBatches} consumer batch in flight per queue (ours at ${concurrent}: max ${q.oursAtTwenty?.max ?? "?"}, ${q.oursAtTwenty?.batches ?? "?"} batches of ${figure((q.oursAtTwenty?.messages ?? 0) / (q.oursAtTwenty?.batches || 1))} messages on average; the next batch was handed over ${q.oursHandoverMs.map((ms) => `${figure(ms)} ms`).join(", ") || "?"} after the one before returned); 50 messages whose consumer takes 200 ms, in batches of 10, took ${figure(q.sleepingBatches.wallMs)} ms (${q.sleepingBatches.batches} batches one after another). With max_batch_timeout = 1 s a lone stage costs ${figure(q.slowTimeoutMsPerStage)} ms.`,
  ].join("\n");
}

function discordSection({ discord: run }: BenchReports): string {
  const discord = run.groups;
  const rows = discord.map((g) => [
    g.group,
    g.workflows,
    figure(g.requestsPerWorkflow),
    g.tooManyRequests,
    g.delivered ? "yes" : "NO",
    Object.entries(g.byRoute)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `${kind} ${n}`)
      .join(", "),
  ]);
  const total = discord.reduce((sum, g) => sum + g.workflows, 0);
  return [
    `c) Discord requests per workflow: ${total} concurrent workflows, Discord-like rate limits on`,
    markdownTable(
      ["workflows that", "n", "requests / workflow", "429s", "all delivered", "requests by route"],
      rows,
    ),
    discordSummaryLine(run),
  ].join("\n");
}

function discordSummaryLine({ groups, summary: s }: DiscordRun): string {
  const perChannel = groups.reduce((sum, g) => sum + g.workflows, 0) / s.channels;
  return [
    `In ${s.channels} channels (${figure(perChannel)} workflows each): ${s.tooManyRequests} HTTP 429 answered; webhooks created per channel: ${s.webhooksPerChannel.join(", ")}; all delivered: ${s.delivered ? "yes" : "NO"}.`,
    `From a workflow's end to its final message: p50 ${figure(s.endToFinalMs.p50)} ms, p99 ${figure(s.endToFinalMs.p99)} ms (${s.endToFinalMs.n} results). Longest gap between two progress edits of one workflow: ${figure(s.longestEditGapMs.max)} ms (median workflow ${figure(s.longestEditGapMs.p50)} ms; ${s.longestEditGapMs.workflows} workflows with at least 2 edits).`,
  ].join("\n");
}

const BILLABLE_LABELS: [string, string][] = [
  ["workerRequests", "Worker requests (HTTP)"],
  ["queueConsumerInvocations", "queue consumer invocations"],
  ["durableObjectRequests", "Durable Object requests (RPC + alarms)"],
  ["durableObjectAlarms", "… of which alarms"],
  ["durableObjectRowsWritten", "DO rows written (SQLite + setAlarm)"],
  ["queueWrites", "queue writes"],
  ["queueReads", "queue reads"],
  ["queueDeletes", "queue deletes (acks)"],
  ["d1Queries", "D1 queries"],
  ["d1RowsWritten", "D1 rows written"],
  ["d1RowsRead", "D1 rows read"],
  ["r2ClassA", "R2 class A (writes)"],
  ["r2ClassB", "R2 class B (reads)"],
];

const ROWS_BY_CALL = "rowsWritten:";

function rowsByCall(few: Record<string, number> = {}, many: Record<string, number> = {}): string {
  const calls = [...new Set([...Object.keys(few), ...Object.keys(many)])]
    .filter((key) => key.startsWith(ROWS_BY_CALL))
    .sort();
  return calls
    .map(
      (key) =>
        `${key.slice(ROWS_BY_CALL.length)} ${figure(few[key] ?? 0)} / ${figure(many[key] ?? 0)}`,
    )
    .join(", ");
}

function billableSection({ billable }: BenchReports): string {
  const [few, many] = billable.rows;
  const rows = BILLABLE_LABELS.map(([key, label]) => [
    label,
    figure(few?.perWorkflow[key] ?? Number.NaN),
    figure(many?.perWorkflow[key] ?? Number.NaN),
    figure(billable.perExtraStage[key] ?? Number.NaN),
  ]);
  const queueOps = (t: Record<string, number> | undefined) =>
    t ? (t.queueWrites ?? 0) + (t.queueReads ?? 0) + (t.queueDeletes ?? 0) : Number.NaN;
  return [
    "d) Billable operations per workflow (counted, delivered on the first rung)",
    markdownTable(
      ["operation", `${few?.stages}-stage`, `${many?.stages}-stage`, "per extra stage"],
      rows,
    ),
    `Queue operations in all: ${figure(queueOps(few?.perWorkflow))} and ${figure(queueOps(many?.perWorkflow))}.`,
    `DO rows written by tracker call (${few?.stages}-stage / ${many?.stages}-stage): ${rowsByCall(few?.perWorkflow, many?.perWorkflow)}.`,
  ].join("\n");
}

function thousandSection({ thousand: t }: BenchReports): string {
  return [
    `e) ${t.workflows.toLocaleString("en-US")} workflows started at once (3 no-op stages each; an answer later than 3 s gets its token killed, as Discord does), beside the same number of signed PINGs at once, and of starts while the consumer is held until all are answered`,
    markdownTable(
      [
        "acknowledged",
        "acks > 3 s",
        "ack p50 / p99 ms",
        "PINGs > 3 s",
        "PING p50 / p99 ms",
        "held: acks > 3 s",
        "held: p50 / p99 ms",
        "results stored",
        "completed",
        "delivered",
        "lost",
        "all acked s",
        "all delivered s",
        "peak RSS MiB",
      ],
      [
        [
          t.acknowledged,
          t.ackOver3s,
          `${figure(t.ackMs.p50)} / ${figure(t.ackMs.p99)}`,
          t.pingOver3s,
          `${figure(t.pingAckMs.p50)} / ${figure(t.pingAckMs.p99)}`,
          t.heldOver3s,
          `${figure(t.heldAckMs.p50)} / ${figure(t.heldAckMs.p99)}`,
          t.results,
          t.completed,
          t.delivered,
          t.lost,
          figure(t.allAckedMs / 1000),
          figure(t.wallMs / 1000),
          figure(t.peakRssBytes / 2 ** 20),
        ],
      ],
    ),
  ].join("\n");
}

function healthSection({ health: h }: BenchReports): string {
  const ops = Object.entries(h.alone.billable)
    .filter(([key, value]) => key !== "workerRequests" && value !== 0)
    .map(([key, value]) => `${key} ${value}`);
  const latency = (run: typeof h.quiet) => run.summary.endToFinalMs;
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([answer, n]) => `${n} × ${answer}`)
      .join(", ");
  const during = (f: typeof h.floodDuringC) =>
    `${f.requests} at ${figure(f.requestsPerSecond)}/s (${statuses(f.statuses)})`;
  const row = (name: string, run: typeof h.quiet, health: string) => [
    name,
    latency(run).n,
    run.summary.delivered ? "yes" : "NO",
    figure(latency(run).p50),
    figure(latency(run).p99),
    run.summary.tooManyRequests,
    health,
  ];
  return [
    "h) GET /health flooded (public: up/down from the isolate)",
    `Alone: ${h.alone.requests} requests at ${figure(h.alone.requestsPerSecond)}/s, p50 ${figure(h.alone.latencyMs.p50)} ms, p99 ${figure(h.alone.latencyMs.p99)} ms; answers ${statuses(h.alone.statuses)}; billable operations besides the ${h.alone.billable.workerRequests ?? 0} Worker requests: ${ops.length ? ops.join(", ") : "none"}; Discord calls: ${h.alone.discordCalls}.`,
    markdownTable(
      [
        "c) run",
        "results timed",
        "all delivered",
        "end → final p50 ms",
        "p99 ms",
        "429s",
        "/health during",
      ],
      [
        row("quiet", h.quiet, "—"),
        row(`${h.burstDuringC.requests} /health as it starts`, h.burst, during(h.burstDuringC)),
        row("/health flood throughout", h.flooded, during(h.floodDuringC)),
      ],
    ),
  ].join("\n");
}

export function renderReport(reports: Partial<BenchReports>, machine: string): string {
  const sections: [keyof BenchReports, (r: BenchReports) => string][] = [
    ["ack", ackSection],
    ["engine", engineSection],
    ["discord", discordSection],
    ["billable", billableSection],
    ["thousand", thousandSection],
    ["health", healthSection],
    ["export", ({ export: x }) => exportSection(x)],
  ];
  return [
    `Measured ${machine}`,
    // A section renders only what it was given: `--only` runs leave the others out.
    ...sections
      .filter(([key]) => reports[key] !== undefined)
      .map(([, render]) => render(reports as BenchReports)),
  ]
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n");
}
