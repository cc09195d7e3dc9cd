// `npm start`: the bot running locally with no Discord account. Starts the Discord emulator,
// applies the D1 migrations to local state, and runs `wrangler dev` wired to the emulator
// (the emulator's public key and address are passed as --var, so a real .dev.vars is never
// touched). Then plays Discord once: a signed PING, and prints where everything is.
//   npm start                       run until Ctrl-C
//   npm start -- --check            start, prove the signed PING round trip, stop (CI)
//   npm start -- --token-ttl-seconds 60   play the 15-minute story in a minute
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { parseArgs } from "node:util";
import { startDiscordEmulator } from "../emulator/server.ts";

const { values } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    port: { type: "string" },
    "emulator-port": { type: "string" },
    "token-ttl-seconds": { type: "string", default: "900" },
  },
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function waitForBot(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the bot did not answer at ${url} within ${timeoutMs / 1000} s`);
}

const ttlSeconds = Number(values["token-ttl-seconds"]);
if (!Number.isFinite(ttlSeconds) || ttlSeconds < 5)
  throw new Error("--token-ttl-seconds must be a number ≥ 5");
const botPort = values.port ? Number(values.port) : values.check ? await freePort() : 8787;
const emulator = await startDiscordEmulator({
  port: values["emulator-port"] ? Number(values["emulator-port"]) : values.check ? 0 : 8788,
  tokenTtlMs: ttlSeconds * 1000,
});
const botOrigin = `http://127.0.0.1:${botPort}`;

const sandboxVars: Record<string, string> = {
  DISCORD_API_BASE: emulator.apiBase,
  DISCORD_PUBLIC_KEY: emulator.publicKeyHex,
  DISCORD_APPLICATION_ID: emulator.applicationId,
  DISCORD_BOT_TOKEN: emulator.botToken,
  METRICS_TOKEN: "sandbox-metrics-token",
  INTERACTION_TOKEN_TTL_SECONDS: String(ttlSeconds),
  // A short window keeps the safety margin and warnings proportionate.
  ...(ttlSeconds < 900
    ? {
        TOKEN_SAFETY_MARGIN_SECONDS: String(Math.max(1, Math.round(ttlSeconds / 30))),
        TOKEN_WARNING_OFFSETS_SECONDS: `${Math.round(ttlSeconds / 15)},${Math.max(1, Math.round(ttlSeconds / 90))}`,
        HANDOFF_LEAD_SECONDS: String(Math.max(1, Math.round(ttlSeconds / 30))),
      }
    : {}),
};

let dev: ChildProcess | undefined;
async function stop(code: number): Promise<never> {
  dev?.kill("SIGTERM");
  await emulator.close();
  process.exit(code);
}
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

try {
  await run("wrangler", ["d1", "migrations", "apply", "DB", "--local"]);
  const varArgs = Object.entries(sandboxVars).flatMap(([key, value]) => [
    "--var",
    `${key}:${value}`,
  ]);
  dev = spawn(
    "wrangler",
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(botPort),
      "--show-interactive-dev-session=false",
      ...varArgs,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  await waitForBot(`${botOrigin}/`, dev, 60_000);
  const ping = await fetch(`${emulator.origin}/_emulator/send-interaction`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `${botOrigin}/interactions`, interaction: { type: 1 } }),
  });
  const answer = (await ping.json()) as { status: number; body: unknown };
  const pong = answer.status === 200 && JSON.stringify(answer.body) === '{"type":1}';
  console.log(
    [
      "",
      "longflow sandbox",
      `  bot               ${botOrigin}  (POST /interactions)`,
      `  Discord emulator  ${emulator.apiBase}  (control API: ${emulator.origin}/_emulator/)`,
      `  token lifetime    ${ttlSeconds} s`,
      `  signed PING       ${pong ? "answered with PONG" : `FAILED: ${JSON.stringify(answer)}`}`,
      values.check ? "" : "  Ctrl-C stops everything.",
    ].join("\n"),
  );
  if (values.check) await stop(pong ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
