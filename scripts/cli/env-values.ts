// Settings for the scripts: the environment first, then the vars file (.dev.vars by default,
// named with --vars-file: Node 22 itself reads an `--env-file` anywhere on its command line).
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

export const DEFAULT_ENV_FILE = ".dev.vars";

export function envValues(envFile: string): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {};
  return { ...fromFile, ...process.env };
}
