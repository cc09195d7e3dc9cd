// `npm start`: the bot running locally with no Discord account. Starts the Discord emulator,
// applies the D1 migrations to local state, and runs `wrangler dev` wired to the emulator
// (the emulator's public key and address are passed as --var, so a real .dev.vars is never
// touched). Then plays Discord once: a signed PING, and prints where everything is.
//   npm start                       run until Ctrl-C
//   npm start -- --check            start, prove the signed PING round trip, stop (CI)
//   npm start -- --token-ttl-seconds 60   play the 15-minute story in a minute
import { integerFlag, readCommandLine } from "./cli/command-line.ts";
import {
  bootLocalStack,
  freePort,
  type LocalStack,
  SANDBOX_METRICS_TOKEN,
  signedPingAnswered,
} from "./local-stack.ts";
import { forgetRunningStack, rememberRunningStack } from "./sandbox/running-stack.ts";

const line = readCommandLine({
  command: "npm start --",
  summary:
    "Runs the bot locally against the Discord emulator (no Discord or Cloudflare account): applies\nthe D1 migrations locally, starts wrangler dev, proves a signed PING round trip.",
  flags: {
    check: {
      type: "boolean",
      default: false,
      description: "start, prove the PING round trip, stop (CI)",
    },
    port: { type: "string", value: "<port>", description: "the bot's port (default 8787)" },
    "emulator-port": {
      type: "string",
      value: "<port>",
      description: "the emulator's port (default 8788)",
    },
    "token-ttl-seconds": {
      type: "string",
      value: "<n>",
      default: "900",
      description: "interaction token lifetime, ≥ 5",
    },
  },
  examples: ["npm start", "npm start -- --check", "npm start -- --token-ttl-seconds 60"],
});
const values = line.flags;
const ttlSeconds = integerFlag(line, "token-ttl-seconds", values["token-ttl-seconds"], { min: 5 });
const portFlag = (name: "port" | "emulator-port") => {
  const raw = values[name];
  return raw === undefined ? undefined : integerFlag(line, name, raw, { min: 1, max: 65535 });
};
const botPort = portFlag("port") ?? (values.check ? await freePort() : 8787);
// wrangler prints its binding table and migration tables (twice: migrations, then dev) and
// warns about secrets that are in fact passed as --var; a newcomer needs none of it here.
const WRANGLER_LOG = ".sandbox/start-wrangler.log";

let stack: LocalStack | undefined;
async function stop(code: number): Promise<never> {
  if (!values.check) forgetRunningStack();
  await stack?.stop();
  process.exit(code);
}
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

console.log(`Starting the Discord emulator and the bot (wrangler's output: ${WRANGLER_LOG})…`);
try {
  stack = await bootLocalStack({
    botPort,
    emulatorPort: portFlag("emulator-port") ?? (values.check ? 0 : 8788),
    tokenTtlSeconds: ttlSeconds,
    wranglerOutput: { file: WRANGLER_LOG },
  });
  const { emulator, botOrigin } = stack;
  const { pong, answer } = await signedPingAnswered(emulator.origin, botOrigin);
  // `npm run sandbox` drives this stack instead of booting its own.
  if (!values.check) rememberRunningStack(stack);
  console.log(
    welcome(stack, ttlSeconds, pong ? "answered with PONG" : `FAILED: ${JSON.stringify(answer)}`),
  );
  if (values.check) await stop(pong ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`wrangler's own output is in ${WRANGLER_LOG}.`);
  await stop(1);
}

/** What a person needs after `npm start`: where things are, and what to try next. */
function welcome(running: LocalStack, ttl: number, ping: string): string {
  const { emulator, botOrigin } = running;
  const lines = [
    "",
    "longflow is running locally (no Discord or Cloudflare account involved)",
    "",
    `  bot               ${botOrigin}/interactions  (Discord's Interactions Endpoint URL)`,
    `  Discord emulator  ${emulator.apiBase}  (control API and request log: ${emulator.origin}/_emulator/requests)`,
    `  live view         ${botOrigin}/w/<workflow id>  (each progress message links to its own)`,
    `  metrics           ${botOrigin}/metrics  (Bearer ${SANDBOX_METRICS_TOKEN})`,
    `  token lifetime    ${ttl} s${ttl >= 900 ? "  (npm start -- --token-ttl-seconds 60 plays the 15-minute story in a minute)" : ""}`,
    `  wrangler's output ${WRANGLER_LOG}`,
    `  signed PING       ${ping}`,
  ];
  if (values.check) return lines.join("\n");
  return [
    ...lines,
    "",
    "Try next, in another terminal (the sandbox plays Discord and shows what the channel shows):",
    "  npm run sandbox -- /ping",
    "  npm run sandbox -- /autointel url:https://example.com/ depth:quick",
    "  npm run sandbox -- /workflows",
    "  npm run sandbox -- /retrieve_results",
    "",
    "Use it with real Discord: npm run deploy (or npm run setup -- --url <tunnel>/interactions).",
    "Ctrl-C stops everything.",
  ].join("\n");
}
