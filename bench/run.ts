// `npm run bench`: boots the bench Worker (the product plus bench-only bindings, see
// bench/worker/) against the Discord emulator, measures a)–e) of issue 6, prints the tables and
// writes bench/results.json; h) (issue 25) floods GET /health beside c); x) (issue 23) exports a
// 100,000-message channel beside c). A benchmark, not a test: it asserts nothing but completion,
// except x), which fails the run (exit 1) on a lost or repeated message or an HTTP 429.
//   npm run bench                  the full run (a few minutes)
//   npm run bench -- --quick       smaller counts, to check that it works
//   npm run bench -- --only b,d    only these sections; written to .sandbox/, not results.json
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { readCommandLine } from "../scripts/cli/command-line.ts";
import { emulatorClient } from "../scripts/emulator-client.ts";
import { bootLocalStack, type LocalStack } from "../scripts/local-stack.ts";
import { measureAckLatency } from "./ack-latency.ts";
import { type BenchTarget, waitForQuiet } from "./bench-client.ts";
import { measureBillableOps } from "./billable-ops.ts";
import { DISCORD_LIKE_LIMITS, measureDiscordRequests } from "./discord-requests.ts";
import { measureEngineOverhead } from "./engine-overhead.ts";
import { measureExport } from "./export-run.ts";
import { measureHealthFlood } from "./health-flood.ts";
import { describeMachine, machineInfo } from "./machine.ts";
import { startPageServer } from "./page-server.ts";
import { type BenchReports, renderReport } from "./report.ts";
import { measureThousand } from "./thousand-workflows.ts";
import { prepareBenchWorker } from "./wrangler-config.ts";

const SECTIONS = ["a", "b", "c", "d", "e", "h", "x"] as const;
type Section = (typeof SECTIONS)[number];
const line = readCommandLine({
  command: "npm run bench --",
  summary:
    "Boots the bench Worker against the Discord emulator, measures sections a)–e), prints the tables\nand writes bench/results.json (a benchmark: it asserts nothing but completion).",
  flags: {
    quick: {
      type: "boolean",
      default: false,
      description: "smaller counts, to check that it works",
    },
    only: {
      type: "string",
      value: "<a,b,…>",
      description: `only these sections of ${SECTIONS.join(",")}; written to .sandbox/`,
    },
  },
  examples: ["npm run bench", "npm run bench -- --quick", "npm run bench -- --only b,d"],
});
const values = line.flags;
const quick = values.quick;
const only = values.only?.split(",").map((s) => s.trim());
const unknown = only?.filter((s) => !SECTIONS.includes(s as Section));
if (unknown?.length) line.refuse(`--only takes sections of ${SECTIONS.join(",")}`);
const runs = (section: Section) => !only || only.includes(section);
/** A short token, so c) shows workflows outliving it within a minute. */
const TOKEN_TTL_SECONDS = 30;
const STATE_DIR = ".sandbox/bench-state";
const LOG_FILE = ".sandbox/bench-wrangler.log";

let stack: LocalStack | null = null;
let page: Awaited<ReturnType<typeof startPageServer>> | null = null;
async function shutdown(code: number): Promise<never> {
  await page?.close();
  await stack?.stop();
  process.exit(code);
}
process.once("SIGINT", () => void shutdown(130));
process.once("SIGTERM", () => void shutdown(143));

const step = (text: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

try {
  const machine = machineInfo();
  rmSync(STATE_DIR, { recursive: true, force: true });
  rmSync(LOG_FILE, { force: true });
  mkdirSync(".sandbox", { recursive: true });
  step(`booting the bench Worker (wrangler output: ${LOG_FILE})`);
  stack = await bootLocalStack({
    tokenTtlSeconds: TOKEN_TTL_SECONDS,
    wranglerConfig: prepareBenchWorker(LOG_FILE),
    persistTo: STATE_DIR,
    // Rate limits only where c) turns them on: elsewhere they would measure the emulator.
    defaultRateLimit: null,
    extraVars: {
      MAX_RUNNING_PER_USER: "1000000",
      MAX_RUNNING_PER_GUILD: "1000000",
      LONG_WORKFLOW_NOTICE_SECONDS: String((TOKEN_TTL_SECONDS * 2) / 3),
      CRAWL_POLITENESS_MS: "0",
    },
    wranglerOutput: { file: LOG_FILE },
  });
  page = await startPageServer();
  const target: BenchTarget = {
    botOrigin: stack.botOrigin,
    emulator: emulatorClient(stack.emulator.origin),
    applicationId: stack.emulator.applicationId,
  };
  const reports: Partial<BenchReports> = {};
  if (runs("a")) {
    step("a) acknowledgement latency");
    const since = Date.now();
    reports.ack = await measureAckLatency(target, page.url, {
      warmupPairs: quick ? 5 : 20,
      pairsAtOne: quick ? 20 : 500,
      pairsAtTen: quick ? 50 : 500,
      inProcessStarts: quick ? 10 : 50,
    });
    step("   waiting for the /autointel workflows it started to finish");
    await waitForQuiet(target, since - 1000, 180_000, reports.ack.started);
  }
  if (runs("b")) {
    step("b) engine overhead per stage");
    reports.engine = await measureEngineOverhead(target, {
      stages: 10,
      sequentialRuns: quick ? 2 : 5,
      concurrent: 20,
    });
  }
  if (runs("c")) {
    step(
      `c) Discord requests per workflow (rate limits: ${DISCORD_LIKE_LIMITS.map((r) => `${r.match} ${r.limit}/${r.windowMs / 1000}s`).join(", ")})`,
    );
    reports.discord = await measureDiscordRequests(target, {
      workflows: quick ? 40 : 200,
      channels: 5,
      tokenTtlSeconds: TOKEN_TTL_SECONDS,
    });
  }
  if (runs("d")) {
    step("d) billable operations per workflow");
    reports.billable = await measureBillableOps(target, {
      stageCounts: [1, 10],
      repeats: quick ? 1 : 3,
    });
  }
  if (runs("e")) {
    step("e) many workflows started at once");
    reports.thousand = await measureThousand(target, stack.dev.pid ?? process.pid, {
      workflows: quick ? 100 : 1000,
      channels: 50,
      inFlight: quick ? 100 : 1000,
      timeoutMs: 240_000,
    });
  }
  if (runs("h")) {
    step("h) GET /health flooded: its cost alone, then c)'s result latency without and with it");
    reports.health = await measureHealthFlood(target, {
      requests: 2000,
      perSecond: 500,
      connections: 20,
      workflows: quick ? 40 : 200,
      tokenTtlSeconds: TOKEN_TTL_SECONDS,
    });
  }
  if (runs("x")) {
    step("x) /export of a seeded channel, and c)'s result latency without and with it");
    reports.export = await measureExport(target, {
      messages: quick ? 10_000 : 100_000,
      requestsPerSecond: 10,
      format: "json",
      workflows: quick ? 40 : 200,
      tokenTtlSeconds: TOKEN_TTL_SECONDS,
      timeoutMs: quick ? 300_000 : 900_000,
      rootPid: stack.dev.pid ?? process.pid,
    });
  }
  const text = renderReport(reports, describeMachine(machine));
  console.log(`\n${text}\n`);
  // A partial run never replaces the whole run's results (the README quotes those).
  const file = only ? `.sandbox/bench-results-${only.join("")}.json` : "bench/results.json";
  writeFileSync(
    file,
    `${JSON.stringify({ machine, quick, only, tokenTtlSeconds: TOKEN_TTL_SECONDS, ...reports, tables: text }, null, 2)}\n`,
  );
  step(`wrote ${file}`);
  const failures = reports.export?.failures ?? [];
  if (failures.length) console.error(`x) failed: ${failures.join("; ")}`);
  await shutdown(failures.length ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await shutdown(1);
}
