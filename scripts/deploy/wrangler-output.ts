// Where the Worker was deployed, from wrangler's output file (ND-JSON, one entry per line, named
// by WRANGLER_OUTPUT_FILE_PATH) rather than from its human-readable text.
import { existsSync, readFileSync } from "node:fs";

interface DeployEntry {
  type: "deploy";
  targets?: string[];
  version_id?: string;
}

/** The Worker's https origin and version from the last deploy entry of the file. */
export function deployedWorker(file: string): { origin: string; versionId: string | null } {
  const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
  const entry = lines
    .map((line) => JSON.parse(line) as { type?: string })
    .filter((e): e is DeployEntry => e.type === "deploy")
    .at(-1);
  if (!entry) throw new Error(`wrangler wrote no deploy entry to its output file ${file}`);
  // workers.dev targets come with https://; route targets are "host/path*" patterns.
  const target =
    entry.targets?.find((t) => t.startsWith("https://")) ??
    entry.targets?.find((t) => !t.startsWith("schedule:"));
  if (!target)
    throw new Error("wrangler reported no URL for the Worker (no workers.dev, no route)");
  const origin = target.startsWith("https://")
    ? new URL(target).origin
    : `https://${target.replace(/\/\*?$/, "").split("/")[0]}`;
  return { origin, versionId: entry.version_id ?? null };
}
