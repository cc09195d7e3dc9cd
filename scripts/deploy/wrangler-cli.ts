// Runs the project's wrangler as a child process. Its stdin is not a terminal, so wrangler never
// prompts and never writes resource ids back into wrangler.toml (it does both only when
// interactive); its output is shown unless the call is a quiet lookup.
import { spawnSync } from "node:child_process";
import { wranglerCommand } from "../cli/wrangler-command.ts";

export interface WranglerResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export interface WranglerOptions {
  quiet?: boolean;
  /** Added to the environment (e.g. WRANGLER_OUTPUT_FILE_PATH). */
  env?: Record<string, string>;
}

export function wrangler(args: string[], options: WranglerOptions = {}): WranglerResult {
  const result = spawnSync(...wranglerCommand(args), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? "false",
      ...options.env,
    },
  });
  const stdout = result.stdout ?? "";
  const stderr = result.stderr ?? "";
  if (!options.quiet) {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
  }
  return { ok: result.status === 0, stdout, stderr };
}

/** Runs wrangler and throws when it fails, naming the command (`shown`, if it differs from args). */
export function mustWrangler(
  args: string[],
  shown = `wrangler ${args.join(" ")}`,
  options: WranglerOptions = {},
): string {
  const result = wrangler(args, options);
  if (!result.ok) throw new Error(`\`${shown}\` failed (wrangler's error is above)`);
  return result.stdout;
}
