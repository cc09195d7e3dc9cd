import { CATALOGS } from "./catalog.ts";
import type { Catalog, MessageKey, TextRef } from "./catalog-types.ts";
import { Formatters } from "./formatters.ts";
import type { Locale } from "./locales.ts";

/**
 * Whether a value is a TextRef: a variable holding another message, or a stored value (a tracker
 * row written before a deploy may hold a plain string instead).
 */
export function isTextRef(value: unknown): value is TextRef {
  return typeof value === "object" && value !== null && typeof (value as TextRef).key === "string";
}

/**
 * Text that is already safe where it is shown (a link or code span the caller built from escaped
 * parts): passed into a message as it is. Every plain string variable is escaped instead.
 */
export class Trusted {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export function trusted(text: string): Trusted {
  return new Trusted(text);
}

export type VarsOf<K extends MessageKey> = Catalog[K] extends (
  vars: infer V,
  ...rest: never[]
) => string
  ? V
  : never;

/**
 * What a caller passes: each string variable may instead be Trusted text, or another catalog
 * message (a TextRef, e.g. why a URL was refused) rendered in the same language and escaping.
 */
type CallerVars<V> = { [P in keyof V]: V[P] extends string ? string | Trusted | TextRef : V[P] };

export type ArgsOf<K extends MessageKey> = [VarsOf<K>] extends [undefined]
  ? []
  : keyof VarsOf<K> extends never
    ? []
    : [vars: CallerVars<VarsOf<K>>];

/** Renders a catalog message in one locale. */
export type Translate = <K extends MessageKey>(key: K, ...args: ArgsOf<K>) => string;

const formatters = new Map<Locale, Formatters>();

export function formattersFor(locale: Locale): Formatters {
  let found = formatters.get(locale);
  if (!found) {
    found = new Formatters(locale);
    formatters.set(locale, found);
  }
  return found;
}

/**
 * A translator for `locale` whose string variables pass through `escapeText` (e.g. Discord markdown
 * escaping, or none for text a page sets with textContent) unless they are Trusted.
 */
export function createTranslator(locale: Locale, escapeText: (text: string) => string): Translate {
  const catalog = CATALOGS[locale];
  const f = formattersFor(locale);
  const translate = (key: MessageKey, vars?: Record<string, unknown>): string => {
    const safe: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(vars ?? {})) {
      safe[name] =
        value instanceof Trusted
          ? value.text
          : typeof value === "string"
            ? escapeText(value)
            : isTextRef(value)
              ? translate(value.key, value.vars as Record<string, unknown> | undefined)
              : value;
    }
    const message = catalog[key] as ((vars: unknown, f: Formatters) => string) | undefined;
    if (!message) throw new Error(`no message "${String(key)}" in the ${locale} catalog`);
    return message(safe, f);
  };
  return translate as Translate;
}
