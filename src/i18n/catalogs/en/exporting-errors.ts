import { EXPORT_FORMATS, HAS_KINDS } from "../../../workflows/export/accepted.ts";
import type { Message } from "../../message.ts";

// The options' names as this language's command shows them (errors name them the same way).
const OPTION = {
  channel: "channel",
  format: "format",
  after: "after",
  before: "before",
  filter: "filter",
  partition: "partition",
} as const;
type Named = { option: "after" | "before" | "filter" };
type Bound = { option: "after" | "before" };
const named = (option: string) => `\`${OPTION[option as keyof typeof OPTION] ?? option}\``;

const BOUND_ACCEPTED =
  "Use a date (2024-05-01, or 2024-05-01T18:30 in UTC, or with an offset such as +02:00), " +
  "a message link (Copy Message Link) or a message id (Copy Message ID).";
const bound = (option: string, problem: string, accepted = true) =>
  `${named(option)}: ${problem}${accepted ? ` ${BOUND_ACCEPTED}` : ""}`;

const filter = (problem: string) =>
  `${named("filter")}: ${problem} Accepted: from:<user name or id>, mentions:<user name or id>, has:${HAS_KINDS.join("|")}, reaction:<emoji>, words and "quoted phrases", each negated by a leading -, combined with spaces (all must match).`;

/** /export's refusals (part of the exporting section): what is wrong, and what is accepted. */
export const exportingErrors = {
  "exporting.error.channel": () =>
    `${named("channel")} must be a channel of this server (pick one from the list).`,
  "exporting.error.format": ({ format }: { format: string }, f) =>
    `${named("format")} ${format} is not one I write; I write ${f.list(EXPORT_FORMATS)}.`,
  "exporting.error.tooLong": ({ option, limit }: Named & { limit: number }, f) =>
    `${named(option)} is longer than ${f.number(limit)} characters.`,
  "exporting.error.order": () =>
    `${named("after")} must be earlier than ${named("before")}: nothing lies between them.`,
  "exporting.error.partition": ({ min, max }: { min: number; max: number }, f) =>
    `${named("partition")} must be a whole number of messages from ${f.number(min)} to ${f.number(max)}.`,

  "exporting.bound.empty": ({ option }: Bound) => bound(option, "The value is empty."),
  "exporting.bound.tooLong": ({ option }: Bound) => bound(option, "The value is too long."),
  "exporting.bound.notId": ({ option }: Bound) =>
    bound(option, "This number is not a Discord message id."),
  "exporting.bound.badLink": ({ option }: Bound) => bound(option, "This link could not be read."),
  "exporting.bound.notLink": ({ option }: Bound) =>
    bound(option, "This link is not a Discord message link."),
  "exporting.bound.noSuchDate": ({ option }: Bound) => bound(option, "This date does not exist."),
  "exporting.bound.badDate": ({ option }: Bound) => bound(option, "This date could not be read."),
  "exporting.bound.beforeDiscord": ({ option }: Bound) =>
    bound(option, "Discord began in 2015: use a date from 2015-01-01 on.", false),
  "exporting.bound.unknown": ({ option }: Bound) =>
    bound(option, "This is not a date, a message link or a message id."),

  "exporting.filter.unclosedQuote": () => filter("A quote is not closed."),
  "exporting.filter.or": () =>
    filter('"|" (or) and parentheses are not supported: terms are combined with AND.'),
  "exporting.filter.needsValue": ({ term }: { term: string }) => filter(`${term} needs a value.`),
  "exporting.filter.emptyTerm": () => filter("A term is empty."),
  "exporting.filter.termTooLong": ({ limit }: { limit: number }, f) =>
    filter(`A term is longer than ${f.number(limit)} characters.`),
  "exporting.filter.unknownHas": ({ term }: { term: string }) => filter(`${term} is not known.`),
  "exporting.filter.tooLong": ({ limit }: { limit: number }, f) =>
    filter(`The filter is longer than ${f.number(limit)} characters.`),
  "exporting.filter.empty": () => filter("The filter is empty."),
  "exporting.filter.tooManyTerms": ({ limit }: { limit: number }, f) =>
    filter(`The filter has more than ${f.number(limit)} terms.`),

  "exporting.access.dm": () => "`/export` works in server channels, not in direct messages.",
  "exporting.access.kind": () =>
    "I can export a text or announcement channel, a forum, or a thread; that channel is none of these.",
  "exporting.access.unknown": () =>
    "I can't tell whether you may read that channel's history, so I won't export it.",
  "exporting.access.member": () =>
    "You can export only channels whose history you can read (View Channel and Read Message History). Nothing was started.",
  "exporting.access.bot": () =>
    "I can't read this channel's history: give me (the bot) **View Channel** and **Read Message History** here, then run it again. Nothing was started.",
} satisfies Record<string, Message<never>>;
