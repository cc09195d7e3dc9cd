// The resources `wrangler deploy` cannot create itself, created here by name when missing:
// - the D1 database, because its migrations must run before the Worker that reads the tables is
//   uploaded (wrangler would create it only during the upload);
// - queues that are only consumed, like the dead-letter queue (wrangler creates producer queues
//   and R2 buckets during the upload, but refuses consumers of queues that do not exist).
// Nothing is recorded in wrangler.toml: bindings name their resources and wrangler looks them up.
import { mustWrangler, wrangler } from "./wrangler-cli.ts";

export function ensureD1Database(name: string): string {
  const listed = wrangler(["d1", "list", "--json"], { quiet: true });
  if (!listed.ok) throw new Error(`\`wrangler d1 list\` failed:\n${listed.stderr.trim()}`);
  const databases = JSON.parse(listed.stdout) as { name: string; uuid: string }[];
  const existing = databases.find((db) => db.name === name);
  if (existing) return `exists (${existing.uuid})`;
  mustWrangler(["d1", "create", name]);
  return "created";
}

export function ensureQueue(name: string): string {
  const info = wrangler(["queues", "info", name], { quiet: true });
  if (info.ok) return "exists";
  if (!/does not exist/.test(info.stderr + info.stdout)) {
    throw new Error(`\`wrangler queues info ${name}\` failed:\n${info.stderr.trim()}`);
  }
  mustWrangler(["queues", "create", name]);
  return "created";
}
