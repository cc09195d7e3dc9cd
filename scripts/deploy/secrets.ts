// Which secrets a deploy uploads. Required secrets (wrangler.toml `[secrets] required`) must be set
// on Cloudflare or available here; optional ones are uploaded when available. Only secrets the
// Worker does not have yet are sent, so a re-run never overwrites a secret an operator rotated
// with `wrangler secret put`. Values come from the environment, then the env file (.dev.vars).
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { wrangler } from "./wrangler-cli.ts";

/** Read by the Worker when set (see README, Configuration); never required for a deploy. */
export const OPTIONAL_SECRETS = [
  "METRICS_TOKEN",
  "LINK_SIGNING_SECRET",
  "DATA_ENCRYPTION_KEY_PREVIOUS",
] as const;

export interface SecretsPlan {
  /** Secret name → value, to send with this deploy (`wrangler deploy --secrets-file`). */
  upload: Record<string, string>;
  /** Required secrets neither on Cloudflare nor available here: the deploy cannot go on. */
  missing: string[];
  /** Optional secrets neither on Cloudflare nor available here: that feature stays off. */
  absentOptional: string[];
}

export function localValues(envFile: string): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {};
  return { ...fromFile, ...process.env };
}

/** Names of the secrets the Worker already has; none when the Worker does not exist yet. */
export function remoteSecretNames(): Set<string> {
  const listed = wrangler(["secret", "list", "--format", "json"], { quiet: true });
  if (listed.ok)
    return new Set((JSON.parse(listed.stdout) as { name: string }[]).map((s) => s.name));
  if (/not found/i.test(listed.stderr + listed.stdout)) return new Set();
  throw new Error(`\`wrangler secret list\` failed:\n${listed.stderr.trim()}`);
}

export function planSecrets(
  required: readonly string[],
  remote: ReadonlySet<string>,
  local: Record<string, string | undefined>,
): SecretsPlan {
  const plan: SecretsPlan = { upload: {}, missing: [], absentOptional: [] };
  for (const name of [...required, ...OPTIONAL_SECRETS]) {
    if (remote.has(name)) continue;
    const value = local[name];
    if (value) plan.upload[name] = value;
    else if (required.includes(name)) plan.missing.push(name);
    else plan.absentOptional.push(name);
  }
  return plan;
}
