import type { Locale } from "./locales.ts";

/** The plural forms a message gives; `other` is required, as CLDR requires it of every language. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/**
 * Numbers, plurals, lists, dates, durations and sizes in one locale, all by `Intl`: a message
 * never spells out a number or picks a plural itself. One per locale, built once per isolate.
 */
export class Formatters {
  readonly locale: Locale;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly lists: Intl.ListFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly units = new Map<string, Intl.NumberFormat>();

  constructor(locale: Locale) {
    this.locale = locale;
    this.plurals = new Intl.PluralRules(locale);
    this.numbers = new Intl.NumberFormat(locale);
    this.lists = new Intl.ListFormat(locale, { type: "conjunction", style: "long" });
    this.dates = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    });
  }

  number(value: number): string {
    return this.numbers.format(value);
  }

  /** The form for `count` (CLDR's category in this locale), e.g. `{ one: "page", other: "pages" }`. */
  plural(count: number, forms: PluralForms): string {
    return forms[this.plurals.select(count)] ?? forms.other;
  }

  /** `count` formatted and followed by its plural form: "1 page", "1.234 Seiten". */
  count(count: number, forms: PluralForms): string {
    return this.plural(count, forms).replace("{n}", this.number(count));
  }

  list(items: readonly string[]): string {
    return this.lists.format(items);
  }

  /** A date and time in UTC (messages in Discord should prefer `<t:…>` timestamps, shown local). */
  dateTime(epochMs: number): string {
    return `${this.dates.format(epochMs)} UTC`;
  }

  percent(fraction: number): string {
    return this.unit("percent").format(fraction);
  }

  /** "45 s", "12 min", "1 h 5 min", "2 d 3 h": the two largest units, Intl-formatted. */
  duration(ms: number): string {
    const total = Math.max(0, Math.round(ms));
    if (total < MINUTE_MS) return this.unit("second").format(Math.max(1, Math.round(total / 1000)));
    if (total < HOUR_MS) return this.unit("minute").format(Math.round(total / MINUTE_MS));
    const [big, bigUnit, small, smallUnit] =
      total < DAY_MS
        ? [Math.floor(total / HOUR_MS), "hour", Math.round((total % HOUR_MS) / MINUTE_MS), "minute"]
        : [Math.floor(total / DAY_MS), "day", Math.round((total % DAY_MS) / HOUR_MS), "hour"];
    const parts = [this.unit(bigUnit as string).format(big as number)];
    if (small) parts.push(this.unit(smallUnit as string).format(small as number));
    return new Intl.ListFormat(this.locale, { type: "unit", style: "narrow" }).format(parts);
  }

  /** A file size: "950 byte", "1.2 MB" in this locale's words and separators. */
  bytes(size: number): string {
    let value = Math.max(0, size);
    let index = 0;
    while (value >= 1024 && index < BYTE_UNITS.length - 1) {
      value /= 1024;
      index++;
    }
    return this.unit(BYTE_UNITS[index] as string, value < 10 && index > 0 ? 1 : 0).format(value);
  }

  private unit(unit: string, maximumFractionDigits = 0): Intl.NumberFormat {
    const key = `${unit}:${maximumFractionDigits}`;
    let format = this.units.get(key);
    if (!format) {
      format =
        unit === "percent"
          ? new Intl.NumberFormat(this.locale, { style: "percent", maximumFractionDigits })
          : new Intl.NumberFormat(this.locale, {
              style: "unit",
              unit,
              unitDisplay: "short",
              maximumFractionDigits,
            });
      this.units.set(key, format);
    }
    return format;
  }
}
