// What `npm run register` changes: the commands Discord has now against the ones it will send.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CommandDiff {
  added: string[];
  removed: string[];
  /** Command name → the fields whose value changes. */
  changed: { name: string; fields: string[] }[];
  unchanged: string[];
}

/**
 * A value as Discord means it: keys sorted, and absent, null, false and empty lists dropped
 * (Discord fills in defaults such as `nsfw: false` that the definitions leave out).
 */
function normalize(value: unknown): Json {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== "object") return value as Json;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || field === null || field === false) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    out[key] = normalize(field);
  }
  return out;
}

// Fields Discord adds to what it returns, which a definition never carries.
const SERVER_FIELDS = new Set([
  "id",
  "application_id",
  "version",
  "guild_id",
  "default_permission",
]);
// Deprecated: present in Discord's answer, replaced by `contexts` in ours.
const IGNORED = new Set(["dm_permission"]);

function changedFields(current: object, wanted: object): string[] {
  const a = normalize(current) as Record<string, Json>;
  const b = normalize(wanted) as Record<string, Json>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((key) => !SERVER_FIELDS.has(key) && !IGNORED.has(key))
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .sort();
}

export function diffCommands(
  current: readonly { name: string }[],
  wanted: readonly { name: string }[],
): CommandDiff {
  const before = new Map(current.map((command) => [command.name, command]));
  const after = new Map(wanted.map((command) => [command.name, command]));
  const diff: CommandDiff = { added: [], removed: [], changed: [], unchanged: [] };
  for (const [name, command] of after) {
    const old = before.get(name);
    if (!old) diff.added.push(name);
    else {
      const fields = changedFields(old, command);
      if (fields.length > 0) diff.changed.push({ name, fields });
      else diff.unchanged.push(name);
    }
  }
  for (const name of before.keys()) if (!after.has(name)) diff.removed.push(name);
  return diff;
}

/** The diff as lines for a person: what was added, changed (which fields), removed, kept. */
export function describeDiff(diff: CommandDiff): string[] {
  const slash = (names: string[]) => names.map((name) => `/${name}`).join(", ");
  const lines = [
    ...diff.added.map((name) => `  + /${name} (new)`),
    ...diff.changed.map(({ name, fields }) => `  ~ /${name}: ${fields.join(", ")} changed`),
    ...diff.removed.map((name) => `  - /${name} (removed)`),
  ];
  if (diff.unchanged.length > 0) lines.push(`  = unchanged: ${slash(diff.unchanged)}`);
  if (lines.length === 0) lines.push("  (no commands)");
  return lines;
}
