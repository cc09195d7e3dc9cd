import type { Message } from "../../message.ts";

/** Words several areas share. The English catalog's sections define every key and its variables. */
export const common = {
  "common.unknownError": () => "Something went wrong.",
  "common.pages": ({ count }: { count: number }, f) =>
    f.count(count, { one: "{n} page", other: "{n} pages" }),
} satisfies Record<string, Message<never>>;
