// Which secrets a deploy uploads. The application id and public key come from Discord (read with
// the bot token) and are sent on every deploy, so they always match the token's application.
// DATA_ENCRYPTION_KEY and LINK_SIGNING_SECRET are generated when neither Cloudflare nor this
// machine has one (the live view is on by default). Every other secret is sent only when the
// Worker does not have it yet, so a re-run never overwrites a secret an operator rotated with
// `wrangler secret put`. Values come from the environment, then the env file (.dev.vars).
import { randomBytes } from "node:crypto";

/** Read by the Worker when set (see README, Configuration); never required for a deploy. */
export const OPTIONAL_SECRETS = [
  "METRICS_TOKEN",
  "LINK_SIGNING_SECRET",
  "DATA_ENCRYPTION_KEY_PREVIOUS",
] as const;

/** Made here when missing everywhere: 32 random bytes, base64 (what the Worker expects). */
export const GENERATED_SECRETS = ["DATA_ENCRYPTION_KEY", "LINK_SIGNING_SECRET"] as const;

export interface SecretsPlan {
  /** Secret name → value, to send with this deploy (`wrangler deploy --secrets-file`). */
  upload: Record<string, string>;
  /** Names generated for this deploy (their values are in `upload`). */
  generated: string[];
  /** Required secrets neither on Cloudflare nor available here: the deploy cannot go on. */
  missing: string[];
  /** Optional secrets neither on Cloudflare nor available here: that feature stays off. */
  absentOptional: string[];
}

export function planSecrets(input: {
  required: readonly string[];
  remote: ReadonlySet<string>;
  local: Record<string, string | undefined>;
  /** Facts read from Discord, sent every time. */
  fromDiscord: Record<string, string>;
}): SecretsPlan {
  const plan: SecretsPlan = {
    upload: { ...input.fromDiscord },
    generated: [],
    missing: [],
    absentOptional: [],
  };
  const names = new Set([...input.required, ...OPTIONAL_SECRETS]);
  for (const name of names) {
    if (name in input.fromDiscord || input.remote.has(name)) continue;
    const value = input.local[name];
    if (value) plan.upload[name] = value;
    else if ((GENERATED_SECRETS as readonly string[]).includes(name)) {
      plan.upload[name] = randomBytes(32).toString("base64");
      plan.generated.push(name);
    } else if (input.required.includes(name)) plan.missing.push(name);
    else plan.absentOptional.push(name);
  }
  return plan;
}

export function describeSecrets(plan: SecretsPlan, envFile: string): string {
  const parts = [`to upload: ${Object.keys(plan.upload).sort().join(", ")}`];
  if (plan.generated.length > 0) parts.push(`generated: ${plan.generated.join(", ")}`);
  if (plan.absentOptional.length > 0)
    parts.push(`optional, unset: ${plan.absentOptional.join(", ")}`);
  if (plan.missing.length > 0)
    parts.push(`missing (set them in ${envFile} or the environment): ${plan.missing.join(", ")}`);
  return parts.join("; ");
}
