// `npm run sandbox -- /autointel url:https://example.com depth:quick`: sends a signed interaction
// the way Discord would and streams what the emulated channel shows (progress edits, warnings,
// handoff, final result) with timestamps until the workflow ends.
//   npm run sandbox -- /ping
//   npm run sandbox -- /retrieve_results workflow_id:<id>
//   npm run sandbox -- --click cancel:<workflowId>
//   npm run sandbox -- --token-ttl-seconds 60 /autointel url:… depth:deep   (15 minutes in one)
// It drives the stack `npm start` runs, or boots its own (state in .sandbox/) when none is
// running or the token lifetime asked for differs. Ctrl-C stops everything it started.
import { integerFlag, readCommandLine } from "./cli/command-line.ts";
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

const line = readCommandLine({
  command: "npm run sandbox --",
  summary:
    "Sends a signed interaction the way Discord would and streams what the emulated channel shows\n(progress edits, warnings, handoff, result) until the workflow ends. Drives the stack `npm start`\nruns, or boots its own (state in .sandbox/).",
  positionals: "/<command> [name:value …]",
  flags: {
    click: {
      type: "string",
      value: "<custom_id>",
      description: "click a button, e.g. cancel:<workflowId>",
    },
    "token-ttl-seconds": {
      type: "string",
      value: "<n>",
      description: "interaction token lifetime, ≥ 5",
    },
    private: { type: "boolean", default: false, description: "always boot a private stack" },
    user: {
      type: "string",
      value: "<id>",
      default: "400000000000000001",
      description: "who runs it",
    },
    channel: { type: "string", value: "<id>", default: "500000000000000001", description: "where" },
    guild: {
      type: "string",
      value: "<id>",
      default: "200000000000000001",
      description: "in which server",
    },
    locale: {
      type: "string",
      value: "<locale>",
      default: "en-US",
      description: "the user's and server's Discord locale (de, fr, es-ES, pt-BR, ja, …)",
    },
    "timeout-minutes": {
      type: "string",
      value: "<n>",
      default: "60",
      description: "stop following after",
    },
  },
  examples: [
    "npm run sandbox -- /ping",
    "npm run sandbox -- /autointel url:https://example.com depth:quick",
    "npm run sandbox -- --click cancel:<workflowId>",
    "npm run sandbox -- --locale de /autointel url:https://example.com depth:quick",
    "npm run sandbox -- --token-ttl-seconds 60 /autointel url:https://example.com depth:deep",
  ],
});
const { flags: values, positionals } = line;
function readInput(): ParsedInput {
  try {
    return values.click ? { kind: "click", customId: values.click } : parseCommand(positionals);
  } catch (error) {
    return line.refuse(error instanceof Error ? error.message : String(error));
  }
}
const input = readInput();
const askedTtl =
  values["token-ttl-seconds"] === undefined
    ? null
    : integerFlag(line, "token-ttl-seconds", values["token-ttl-seconds"], { min: 5 });
const timeoutMinutes = integerFlag(line, "timeout-minutes", values["timeout-minutes"], { min: 1 });

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
    console.error(
      `could not boot the stack: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
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
const actor = {
  userId: values.user,
  guildId: values.guild,
  channelId: values.channel,
  locale: values.locale,
};
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
