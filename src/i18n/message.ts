import type { Formatters } from "./formatters.ts";

/**
 * One message of a catalog: a function of its variables and the locale's formatters, so a
 * translation may reorder, pluralise and format them as its language needs. Variables that hold
 * outside text arrive already escaped for where the message is shown (translator.ts).
 */
export type Message<Vars extends object = Record<never, never>> = (
  vars: Vars,
  f: Formatters,
) => string;

/** A catalog section: messages by key. The English section's type is every other locale's. */
export type Section = Readonly<Record<string, Message<never>>>;
