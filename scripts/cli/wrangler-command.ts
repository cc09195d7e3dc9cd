// Wrangler started through its JavaScript entry with the Node running this script: no `wrangler`
// shell shim on PATH is needed, so the scripts run the same on Linux, macOS and Windows.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const WRANGLER_ENTRY = join(
  dirname(require.resolve("wrangler/package.json")),
  "bin",
  "wrangler.js",
);

/** The executable and arguments for `wrangler <args>`, for spawn / spawnSync. */
export function wranglerCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [WRANGLER_ENTRY, ...args]];
}
