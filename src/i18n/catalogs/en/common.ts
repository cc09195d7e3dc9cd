import type { Message } from "../../message.ts";

/** Words several areas share. The English catalog's sections define every key and its variables. */
export const common = {
  /**
   * Text a kind has not translated (a fork's new kind, the test kinds): shown as given, in every
   * language. Build it with `untranslated(text)` (i18n/text-ref.ts).
   */
  "common.untranslated": ({ text }: { text: string }) => text,
  "common.unknownError": () => "Something went wrong.",
  "common.pages": ({ count }: { count: number }, f) =>
    f.count(count, { one: "{n} page", other: "{n} pages" }),
} satisfies Record<string, Message<never>>;
