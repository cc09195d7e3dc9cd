// Flags that several scripts take, written once so their usage reads the same everywhere.
import type { FlagSpec } from "./command-line.ts";
import { DEFAULT_ENV_FILE } from "./env-values.ts";

/** The file the Discord scripts read DISCORD_BOT_TOKEN from when the environment has none. */
export const botTokenFileFlag = {
  type: "string",
  value: "<file>",
  default: DEFAULT_ENV_FILE,
  description: "where DISCORD_BOT_TOKEN is",
} as const satisfies FlagSpec;

export const enableUserInstallFlag = {
  type: "boolean",
  default: false,
  description: "let users add the commands to their account, too",
} as const satisfies FlagSpec;
