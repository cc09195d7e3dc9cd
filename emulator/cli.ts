// node emulator/cli.ts [--port 8788] [--token-ttl-seconds 900] [--rate-limit off]
// Prints one JSON line (origin, apiBase, publicKeyHex, applicationId, botToken) once listening.
import { parseArgs } from "node:util";
import { startDiscordEmulator } from "./server.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8788" },
    host: { type: "string" },
    "token-ttl-seconds": { type: "string" },
    "rate-limit": { type: "string", default: "on" },
  },
});

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`--${name} must be a non-negative number, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return parsed;
}

if (values["rate-limit"] !== "on" && values["rate-limit"] !== "off") {
  console.error('--rate-limit must be "on" or "off"');
  process.exit(2);
}
const ttlSeconds = numberOption("token-ttl-seconds", values["token-ttl-seconds"]);
const emulator = await startDiscordEmulator({
  port: numberOption("port", values.port),
  host: values.host,
  tokenTtlMs: ttlSeconds === undefined ? undefined : ttlSeconds * 1000,
  defaultRateLimit: values["rate-limit"] === "off" ? null : undefined,
});
const { origin, apiBase, publicKeyHex, applicationId, botToken } = emulator;
console.log(JSON.stringify({ origin, apiBase, publicKeyHex, applicationId, botToken }));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("discord emulator: close failed", error);
        process.exit(1);
      },
    );
  });
}
