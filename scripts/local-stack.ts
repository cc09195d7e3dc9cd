// The bot running locally with no Discord account: the Discord emulator, local D1 migrations and
// `wrangler dev` wired to the emulator through --var (a real .dev.vars is never touched).
// Used by `npm start`, `npm run sandbox`, `npm run bench` and `npm run soak`.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname } from "node:path";
import {
  type DiscordEmulatorOptions,
  type RunningDiscordEmulator,
  startDiscordEmulator,
} from "../emulator/server.ts";
import { wranglerCommand } from "./cli/wrangler-command.ts";

export interface LocalStackOptions {
  /** Default: any free port. */
  botPort?: number;
  /** 0 = any free port. */
  emulatorPort?: number;
  tokenTtlSeconds: number;
  /** A wrangler config other than ./wrangler.toml (the bench Worker's). */
  wranglerConfig?: string;
  /** Local state directory; default wrangler's own (.wrangler/state). */
  persistTo?: string;
  /** Set after the sandbox defaults, so they win. */
  extraVars?: Record<string, string>;
  defaultRateLimit?: DiscordEmulatorOptions["defaultRateLimit"];
  /** Where wrangler's output goes: this terminal, or appended to a file. */
  wranglerOutput: "inherit" | { file: string };
}

export interface LocalStack {
  botOrigin: string;
  emulator: RunningDiscordEmulator;
  tokenTtlSeconds: number;
  vars: Record<string, string>;
  /** The `wrangler dev` process; its workerd runs as a child of it. */
  dev: ChildProcess;
  stop(): Promise<void>;
}

export const SANDBOX_METRICS_TOKEN = "sandbox-metrics-token";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The bot's configuration against the emulator; a short token window scales its clock. */
export function sandboxVars(
  emulator: RunningDiscordEmulator,
  ttlSeconds: number,
): Record<string, string> {
  return {
    DISCORD_API_BASE: emulator.apiBase,
    DISCORD_PUBLIC_KEY: emulator.publicKeyHex,
    DISCORD_APPLICATION_ID: emulator.applicationId,
    DISCORD_BOT_TOKEN: emulator.botToken,
    // The sandbox may analyse pages served on this machine (/autointel http://127.0.0.1:…).
    FETCH_ALLOW_LOOPBACK: "true",
    METRICS_TOKEN: SANDBOX_METRICS_TOKEN,
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
}

function wranglerArgs(options: LocalStackOptions): string[] {
  return [
    ...(options.wranglerConfig ? ["--config", options.wranglerConfig] : []),
    ...(options.persistTo ? ["--persist-to", options.persistTo] : []),
  ];
}

function outputStdio(output: LocalStackOptions["wranglerOutput"]): "inherit" | "pipe" {
  return output === "inherit" ? "inherit" : "pipe";
}

function pipeToFile(child: ChildProcess, output: LocalStackOptions["wranglerOutput"]): void {
  if (output === "inherit") return;
  mkdirSync(dirname(output.file), { recursive: true });
  const file = createWriteStream(output.file, { flags: "a" });
  child.stdout?.pipe(file);
  child.stderr?.pipe(file);
}

function runWrangler(args: string[], output: LocalStackOptions["wranglerOutput"]): Promise<void> {
  return new Promise((resolve, reject) => {
    const stdio = outputStdio(output);
    const [command, commandArgs] = wranglerCommand(args);
    const child = spawn(command, commandArgs, { stdio: ["ignore", stdio, stdio] });
    pipeToFile(child, output);
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(" ")} exited with ${code}`)),
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

/** SIGTERM, then SIGKILL if wrangler has not shut its workerd down within the grace period. */
function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts the emulator, applies the migrations to local state and runs `wrangler dev` against
 * it; resolves once the bot answers. `stop()` ends both; on a failed boot they are already ended.
 */
export async function bootLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const botPort = options.botPort ?? (await freePort());
  const emulator = await startDiscordEmulator({
    port: options.emulatorPort ?? 0,
    tokenTtlMs: options.tokenTtlSeconds * 1000,
    defaultRateLimit: options.defaultRateLimit,
  });
  const vars = {
    ...sandboxVars(emulator, options.tokenTtlSeconds),
    // The live view (/w/<id>): links signed with a key that lives as long as this stack.
    LINK_SIGNING_SECRET: randomBytes(24).toString("hex"),
    // Seals webhook tokens and callback secrets in the stack's local D1.
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    PUBLIC_BASE_URL: `http://127.0.0.1:${botPort}`,
    ...options.extraVars,
  };
  let dev: ChildProcess | undefined;
  const stop = async () => {
    if (dev) await terminate(dev, 10_000);
    await emulator.close();
  };
  try {
    await runWrangler(
      ["d1", "migrations", "apply", "DB", "--local", ...wranglerArgs(options)],
      options.wranglerOutput,
    );
    const varArgs = Object.entries(vars).flatMap(([key, value]) => ["--var", `${key}:${value}`]);
    const stdio = outputStdio(options.wranglerOutput);
    dev = spawn(
      ...wranglerCommand([
        "dev",
        ...wranglerArgs(options),
        "--ip",
        "127.0.0.1",
        "--port",
        String(botPort),
        "--show-interactive-dev-session=false",
        ...varArgs,
      ]),
      { stdio: ["ignore", stdio, stdio] },
    );
    pipeToFile(dev, options.wranglerOutput);
    const botOrigin = `http://127.0.0.1:${botPort}`;
    await waitForBot(`${botOrigin}/`, dev, 60_000);
    return { botOrigin, emulator, tokenTtlSeconds: options.tokenTtlSeconds, vars, dev, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Plays Discord once: a signed PING through the emulator; true when the bot answered PONG. */
export async function signedPingAnswered(
  emulatorOrigin: string,
  botOrigin: string,
): Promise<{ pong: boolean; answer: unknown }> {
  const ping = await fetch(`${emulatorOrigin}/_emulator/send-interaction`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `${botOrigin}/interactions`, interaction: { type: 1 } }),
  });
  const answer = (await ping.json()) as { status: number; body: unknown };
  return { pong: answer.status === 200 && JSON.stringify(answer.body) === '{"type":1}', answer };
}
