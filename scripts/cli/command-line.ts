// One way for every npm script to read its flags: `--help` prints the usage and exits 0; an
// unknown flag or a bad value prints one line and the usage and exits 2, never a stack trace;
// `--dry-run` is also honoured when npm kept it for itself (`npm run x --dry-run` without `--`
// reaches the script only as npm_config_dry_run=true).
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";

export interface FlagSpec {
  type: "boolean" | "string";
  /** One line for the usage. */
  description: string;
  /** Shown after a string flag in the usage, e.g. "<id>". */
  value?: string;
  default?: string | boolean;
}

export interface CommandSpec<F extends Record<string, FlagSpec>> {
  /** How the operator runs it, e.g. "npm run deploy --". */
  command: string;
  /** What it does, in a sentence or two. */
  summary: string;
  flags: F;
  /** Named positional arguments, e.g. "/<command> [name:value …]"; none allowed when absent. */
  positionals?: string;
  examples: string[];
}

type FlagValue<S extends FlagSpec> = S["type"] extends "boolean"
  ? boolean
  : S extends { default: string }
    ? string
    : string | undefined;

export type Flags<F extends Record<string, FlagSpec>> = { [K in keyof F]: FlagValue<F[K]> };

export interface CommandLine<F extends Record<string, FlagSpec>> {
  flags: Flags<F>;
  positionals: string[];
  /** Ends the script as for a bad flag: one line, the usage, exit 2. */
  refuse(message: string): never;
}

export function usageText<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): string {
  const rows = Object.entries({ ...spec.flags, help: HELP }).map(([name, flag]) => {
    const left = `--${name}${flag.value ? ` ${flag.value}` : ""}`;
    const fallback =
      flag.default !== undefined && flag.type === "string" ? ` (default ${flag.default})` : "";
    return `  ${left.padEnd(28)} ${flag.description}${fallback}`;
  });
  return [
    `usage: ${spec.command} [options]${spec.positionals ? ` ${spec.positionals}` : ""}`,
    "",
    spec.summary,
    "",
    "options:",
    ...rows,
    "",
    "examples:",
    ...spec.examples.map((example) => `  ${example}`),
  ].join("\n");
}

const HELP: FlagSpec = { type: "boolean", description: "print this help and exit" };

export function readCommandLine<F extends Record<string, FlagSpec>>(
  spec: CommandSpec<F>,
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): CommandLine<F> {
  const usage = usageText(spec);
  const refuse = (message: string): never => {
    console.error(`${spec.command.replace(/ --$/, "")}: ${message}\n\n${usage}`);
    process.exit(2);
  };
  const options = Object.fromEntries(
    Object.entries({ ...spec.flags, help: HELP }).map(([name, flag]) => [
      name,
      flag.default === undefined ? { type: flag.type } : { type: flag.type, default: flag.default },
    ]),
  ) as ParseArgsOptionsConfig;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options,
      allowPositionals: spec.positionals !== undefined,
      strict: true,
    });
  } catch (error) {
    return refuse(error instanceof Error ? firstLine(error.message) : String(error));
  }
  if (parsed.values.help || env.npm_config_help === "true") {
    console.log(usage);
    process.exit(0);
  }
  const values = parsed.values as Record<string, unknown>;
  if ("dry-run" in spec.flags && env.npm_config_dry_run === "true") values["dry-run"] = true;
  delete values.help;
  return { flags: values as Flags<F>, positionals: parsed.positionals, refuse };
}

/** parseArgs' messages carry a hint about positionals that the usage says better. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/\. To specify a positional argument.*$/, "");
}

/** A whole number within bounds, or the script ends as for a bad flag. */
export function integerFlag(
  line: { refuse(message: string): never },
  name: string,
  raw: string,
  bounds: { min: number; max?: number },
): number {
  const value = Number(raw);
  const inRange = value >= bounds.min && (bounds.max === undefined || value <= bounds.max);
  if (!/^\d+$/.test(raw) || !inRange) {
    const range =
      bounds.max === undefined ? `≥ ${bounds.min}` : `from ${bounds.min} to ${bounds.max}`;
    line.refuse(`--${name} must be a whole number ${range} (got "${raw}")`);
  }
  return value;
}
