// One reader for numeric settings (wrangler vars), with one policy for every one of them: unset
// or empty → the default; anything else must be a finite number within the setting's bounds, or
// it is refused loudly with an error that names it. A typo in wrangler.toml then fails the first
// request that reads it, in the logs, instead of running quietly on a default.

export type SettingsSource = Partial<Record<string, unknown>>;

export interface NumberRule {
  /** Smallest allowed value (default 0). */
  min?: number;
  max?: number;
  integer?: boolean;
}

export class SettingError extends Error {
  override readonly name = "SettingError";
}

function describe(rule: NumberRule): string {
  const kind = rule.integer ? "an integer" : "a number";
  const max = rule.max === undefined ? "" : ` and ≤ ${rule.max}`;
  return `${kind} ≥ ${rule.min ?? 0}${max}`;
}

function valid(value: number, rule: NumberRule): boolean {
  return (
    Number.isFinite(value) &&
    value >= (rule.min ?? 0) &&
    (rule.max === undefined || value <= rule.max) &&
    (!rule.integer || Number.isInteger(value))
  );
}

function raw(source: object, name: string): string | undefined {
  const value = (source as SettingsSource)[name];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

export function readNumberSetting(
  source: object,
  name: string,
  fallback: number,
  rule: NumberRule = {},
): number {
  const text = raw(source, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!valid(value, rule))
    throw new SettingError(`Setting ${name} must be ${describe(rule)}, got "${text}"`);
  return value;
}

/** A comma-separated list, e.g. "60,10"; every item follows `rule`. */
export function readNumberListSetting(
  source: object,
  name: string,
  fallback: number[],
  rule: NumberRule = {},
): number[] {
  const text = raw(source, name);
  if (text === undefined) return fallback;
  const values = text.split(",").map((part) => Number(part.trim()));
  if (values.some((value) => !valid(value, rule)))
    throw new SettingError(`Setting ${name} must be a comma-separated list of ${describe(rule)}`);
  return values;
}
