// `npm start`: the bot running locally with no Discord account. Starts the Discord emulator,
// applies the D1 migrations to local state, and runs `wrangler dev` wired to the emulator
// (the emulator's public key and address are passed as --var, so a real .dev.vars is never
// touched). Then plays Discord once: a signed PING, and prints where everything is.
//   npm start                       run until Ctrl-C
//   npm start -- --check            start, prove the signed PING round trip, stop (CI)
//   npm start -- --token-ttl-seconds 60   play the 15-minute story in a minute
import { parseArgs } from "node:util";
import { bootLocalStack, freePort, type LocalStack, signedPingAnswered } from "./local-stack.ts";
import { forgetRunningStack, rememberRunningStack } from "./sandbox/running-stack.ts";

const { values } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    port: { type: "string" },
    "emulator-port": { type: "string" },
    "token-ttl-seconds": { type: "string", default: "900" },
  },
});

const ttlSeconds = Number(values["token-ttl-seconds"]);
if (!Number.isFinite(ttlSeconds) || ttlSeconds < 5)
  throw new Error("--token-ttl-seconds must be a number ≥ 5");
const botPort = values.port ? Number(values.port) : values.check ? await freePort() : 8787;

let stack: LocalStack | undefined;
async function stop(code: number): Promise<never> {
  if (!values.check) forgetRunningStack();
  await stack?.stop();
  process.exit(code);
}
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

try {
  stack = await bootLocalStack({
    botPort,
    emulatorPort: values["emulator-port"]
      ? Number(values["emulator-port"])
      : values.check
        ? 0
        : 8788,
    tokenTtlSeconds: ttlSeconds,
    wranglerOutput: "inherit",
  });
  const { emulator, botOrigin } = stack;
  const { pong, answer } = await signedPingAnswered(emulator.origin, botOrigin);
  // `npm run sandbox` drives this stack instead of booting its own.
  if (!values.check) rememberRunningStack(stack);
  console.log(
    [
      "",
      "longflow sandbox",
      `  bot               ${botOrigin}  (POST /interactions)`,
      `  Discord emulator  ${emulator.apiBase}  (control API: ${emulator.origin}/_emulator/)`,
      `  token lifetime    ${ttlSeconds} s`,
      `  signed PING       ${pong ? "answered with PONG" : `FAILED: ${JSON.stringify(answer)}`}`,
      values.check ? "" : "  Ctrl-C stops everything.",
      values.check ? "" : "  Try: npm run sandbox -- /ping",
    ].join("\n"),
  );
  if (values.check) await stop(pong ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
