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
  // Why a URL was refused (src/net/url-guard.ts), said to the person who gave it.
  "common.url.invalid": () => "it is not a valid web address",
  "common.url.scheme": ({ scheme }: { scheme: string }) =>
    `only http and https addresses are allowed, not “${scheme}”`,
  "common.url.credentials": () =>
    "addresses with a user name or password (user@host) are not allowed",
  "common.url.noHost": () => "it names no host",
  "common.url.emptySegment": () =>
    "its host has an empty label (two dots in a row, or a leading dot)",
  "common.url.unreadableHost": () =>
    "its host is a numeric or IPv6 address that cannot be read safely",
  "common.url.singleLabelHost": ({ host }: { host: string }) =>
    `“${host}” is a single-label name, which resolves inside private networks`,
  "common.url.internalName": ({ host }: { host: string }) => `“${host}” is an internal name`,
  "common.url.specialAddress": ({ range }: { range: string }) =>
    `its host is a special-purpose address, not on the public internet (${range})`,
  "common.url.loopback": () => "its host is a loopback address",
  "common.url.port": ({ port }: { port: string }) =>
    `port ${port} is not allowed (only the standard ports 80 and 443)`,
  "common.url.httpsOnly": () => "callbacks are sent only to https:// addresses",
  "common.url.noPublicAddress": ({ host }: { host: string }) =>
    `“${host}” has no address in public DNS`,
  "common.url.aliasInternal": ({ host, target }: { host: string; target: string }) =>
    `“${host}” is an alias of the internal name “${target}”`,
  "common.url.resolvesTo": ({ host, address }: { host: string; address: string }) =>
    `“${host}” resolves to ${address}, not a public address`,
  "common.url.cnameChain": ({ host, max }: { host: string; max: number }) =>
    `“${host}” has a chain of aliases longer than ${max}`,
  "common.url.uncheckable": ({ host }: { host: string }) =>
    `the addresses of “${host}” could not be checked (the DNS resolver did not answer)`,
} satisfies Record<string, Message<never>>;
