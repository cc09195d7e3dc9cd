// `npm run sandbox -- /autointel url:https://example.com depth:quick`: sends a signed interaction
// the way Discord would and streams what the emulated channel shows (progress edits, warnings,
// handoff, final result) with timestamps until the workflow ends.
//   npm run sandbox -- /ping
//   npm run sandbox -- /retrieve_results workflow_id:<id>
//   npm run sandbox -- --click cancel:<workflowId>
//   npm run sandbox -- --token-ttl-seconds 60 /autointel url:… depth:deep   (15 minutes in one)
// It drives the stack `npm start` runs, or boots its own (state in .sandbox/) when none is
// running or the token lifetime asked for differs. Ctrl-C stops everything it started.
import { parseArgs } from "node:util";
import { emulatorClient } from "./emulator-client.ts";
import { bootLocalStack, type LocalStack, SANDBOX_METRICS_TOKEN } from "./local-stack.ts";
import { ChannelWatch } from "./sandbox/channel-watch.ts";
import { type FollowEnd, followChannel, messageWithButton, printLine } from "./sandbox/follow.ts";
import {
  describeInput,
  type ParsedInput,
  parseCommand,
  partialInteraction,
} from "./sandbox/interaction-input.ts";
import { orphanedResults } from "./sandbox/metrics.ts";
import { findRunningStack } from "./sandbox/running-stack.ts";

const USAGE = `usage: npm run sandbox -- [options] /<command> [name:value …]
       npm run sandbox -- [options] --click <custom_id>      e.g. --click cancel:<workflowId>
options:
  --token-ttl-seconds N   interaction token lifetime (boots a private stack if npm start runs another)
  --private               always boot a private stack, even when npm start is running
  --user ID --channel ID --guild ID   who clicks, and where (defaults: one sandbox user and channel)
  --timeout-minutes N     stop following after this long (default 60)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    click: { type: "string" },
    "token-ttl-seconds": { type: "string" },
    private: { type: "boolean", default: false },
    user: { type: "string", default: "400000000000000001" },
    channel: { type: "string", default: "500000000000000001" },
    guild: { type: "string", default: "200000000000000001" },
    "timeout-minutes": { type: "string", default: "60" },
    help: { type: "boolean", default: false },
  },
});

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

if (values.help) fail(USAGE, 0);
let input: ParsedInput;
try {
  input = values.click ? { kind: "click", customId: values.click } : parseCommand(positionals);
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
const askedTtl =
  values["token-ttl-seconds"] === undefined ? null : Number(values["token-ttl-seconds"]);
if (askedTtl !== null && (!Number.isFinite(askedTtl) || askedTtl < 5))
  fail("--token-ttl-seconds must be a number ≥ 5");
const timeoutMinutes = Number(values["timeout-minutes"]);
if (!Number.isFinite(timeoutMinutes) || timeoutMinutes <= 0) fail("--timeout-minutes must be > 0");

let ownStack: LocalStack | null = null;
async function stopAndExit(code: number): Promise<never> {
  await ownStack?.stop();
  process.exit(code);
}
process.once("SIGINT", () => void stopAndExit(130));
process.once("SIGTERM", () => void stopAndExit(143));

const running = values.private ? null : await findRunningStack();
let target: { botOrigin: string; emulatorOrigin: string; ttlSeconds: number; metricsToken: string };
if (running && (askedTtl === null || askedTtl === running.tokenTtlSeconds)) {
  target = {
    botOrigin: running.botOrigin,
    emulatorOrigin: running.emulatorOrigin,
    ttlSeconds: running.tokenTtlSeconds,
    metricsToken: running.metricsToken,
  };
  console.log(
    `Using the stack npm start runs: bot ${target.botOrigin}, emulator ${target.emulatorOrigin}`,
  );
} else {
  const why = running
    ? `npm start runs with a ${running.tokenTtlSeconds} s token`
    : "npm start is not running";
  console.log(
    `Booting a private stack (${why}); wrangler's output goes to .sandbox/wrangler.log …`,
  );
  try {
    ownStack = await bootLocalStack({
      tokenTtlSeconds: askedTtl ?? 900,
      persistTo: ".sandbox/state",
      wranglerOutput: { file: ".sandbox/wrangler.log" },
    });
  } catch (error) {
    fail(`could not boot the stack: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  target = {
    botOrigin: ownStack.botOrigin,
    emulatorOrigin: ownStack.emulator.origin,
    ttlSeconds: ownStack.tokenTtlSeconds,
    metricsToken: SANDBOX_METRICS_TOKEN,
  };
  console.log(`  bot ${target.botOrigin}, Discord emulator ${target.emulatorOrigin}`);
}

const client = emulatorClient(target.emulatorOrigin);
const actor = { userId: values.user, guildId: values.guild, channelId: values.channel };
const watch = new ChannelWatch(client, actor.channelId, actor.userId);
await watch.baseline();
const source = input.kind === "click" ? messageWithButton(watch.messages(), input.customId) : null;
const clickedWorkflow =
  input.kind === "click"
    ? (/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/i.exec(input.customId)?.[0] ?? null)
    : null;

console.log(
  `Token lifetime ${target.ttlSeconds} s · user ${actor.userId} · channel ${actor.channelId}\n`,
);
const startedAt = Date.now();
printLine(startedAt, `→ ${describeInput(input)}`);
const sent = await client.sendInteraction({
  url: `${target.botOrigin}/interactions`,
  interaction: partialInteraction(input, actor, source?.id ?? null),
});
const reply = sent.body as { type?: number } | null;
printLine(
  startedAt,
  `← HTTP ${sent.status}${reply?.type ? ` · interaction response type ${reply.type}${reply.type === 5 ? " (deferred: thinking…)" : ""}` : ""}${sent.error ? ` · ${sent.error}` : ""}`,
);
if (sent.status !== 200) await stopAndExit(1);

const end: FollowEnd = await followChannel({
  watch,
  startedAt,
  workflowId: clickedWorkflow,
  deferred: reply?.type === 5,
  token: sent.token,
  quietMs: input.kind === "click" ? 10_000 : null,
  timeoutMs: timeoutMinutes * 60_000,
  pollMs: 250,
  orphanCount: () => orphanedResults(target.botOrigin, target.metricsToken),
});
const retrieve = end.workflowId
  ? `npm run sandbox -- /retrieve_results workflow_id:${end.workflowId}`
  : "";
const summary: Record<FollowEnd["kind"], string> = {
  delivered: `■ workflow ${end.workflowId} ended: its result was delivered (fetch it again: ${retrieve})`,
  orphaned: `■ workflow ${end.workflowId} ended with its result stored but undelivered: ${retrieve}`,
  answered: "■ answered",
  quiet: `■ nothing new for 10 s${end.workflowId ? ` (workflow ${end.workflowId})` : ""}`,
  timeout: `■ stopped following after ${timeoutMinutes} min${end.workflowId ? `; later: ${retrieve}` : ""}`,
};
printLine(startedAt, summary[end.kind]);
await stopAndExit(end.kind === "timeout" ? 1 : 0);
