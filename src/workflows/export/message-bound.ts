// The `after` / `before` options of /export: a date, a message link or a message id, turned into
// the snowflake Discord pages by. A snowflake's top 42 bits are milliseconds since Discord's epoch,
// so a date becomes the smallest id of that millisecond.

import { type TextRef, textRef } from "../../i18n/text-ref.ts";

const DISCORD_EPOCH_MS = 1_420_070_400_000;
const MAX_INPUT = 200;
const MAX_SNOWFLAKE = (1n << 64n) - 1n;
const LINK_HOSTS = new Set([
  "discord.com",
  "ptb.discord.com",
  "canary.discord.com",
  "discordapp.com",
  "ptb.discordapp.com",
  "canary.discordapp.com",
]);
// Anchored, one optional group per part and no nested repetition: linear in the (capped) input.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/i;

/** What is wrong with a bound; its sentence (with what is accepted) is a catalog message. */
export type BoundProblem =
  | "empty"
  | "tooLong"
  | "notId"
  | "badLink"
  | "notLink"
  | "noSuchDate"
  | "badDate"
  | "beforeDiscord"
  | "unknown";

export type MessageBound = { ok: true; id: string } | { ok: false; problem: BoundProblem };

/** The smallest snowflake of the millisecond `ms` (0 before Discord's epoch). */
export function snowflakeAt(ms: number): string {
  const since = Math.max(0, Math.floor(ms) - DISCORD_EPOCH_MS);
  return (BigInt(since) << 22n).toString();
}

/** The millisecond a snowflake was made in. */
export function timeOfSnowflake(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}

function isSnowflake(text: string): boolean {
  return /^\d{1,20}$/.test(text) && BigInt(text) <= MAX_SNOWFLAKE;
}

function fromId(text: string): MessageBound | null {
  if (!/^\d+$/.test(text)) return null;
  if (!isSnowflake(text) || text.length < 15) {
    return { ok: false, problem: "notId" };
  }
  return { ok: true, id: text };
}

function fromLink(text: string): MessageBound | null {
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: "badLink" };
  }
  const parts = url.pathname.split("/").filter((part) => part !== "");
  const [channels, guild = "", channel = "", message = ""] = parts;
  const shaped =
    LINK_HOSTS.has(url.hostname.toLowerCase()) &&
    parts.length === 4 &&
    channels === "channels" &&
    (guild === "@me" || isSnowflake(guild)) &&
    isSnowflake(channel) &&
    isSnowflake(message);
  return shaped ? { ok: true, id: message } : { ok: false, problem: "notLink" };
}

function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function fromDate(text: string): MessageBound | null {
  const dateOnly = DATE.exec(text);
  const dateTime = dateOnly ? null : DATE_TIME.exec(text);
  const parts = dateOnly ?? dateTime;
  if (!parts) return null;
  const [, year, month, day, hour = "00", minute = "00"] = parts.map((part) => part ?? "");
  if (
    !realDay(Number(year), Number(month), Number(day)) ||
    Number(hour) > 23 ||
    Number(minute) > 59
  ) {
    return { ok: false, problem: "noSuchDate" };
  }
  // Without an offset the time is UTC, as the help text says.
  const zoned = dateOnly
    ? `${text}T00:00:00Z`
    : /(z|[+-]\d{2}:\d{2})$/i.test(text)
      ? text
      : `${text}Z`;
  const ms = Date.parse(zoned.replace(" ", "T"));
  if (Number.isNaN(ms)) return { ok: false, problem: "badDate" };
  if (ms < DISCORD_EPOCH_MS) return { ok: false, problem: "beforeDiscord" };
  return { ok: true, id: snowflakeAt(ms) };
}

/** A date, a message link or a message id as a snowflake, or what is wrong with it. */
export function parseMessageBound(text: string): MessageBound {
  const value = text.trim();
  if (value === "") return { ok: false, problem: "empty" };
  if (value.length > MAX_INPUT) return { ok: false, problem: "tooLong" };
  return fromId(value) ?? fromLink(value) ?? fromDate(value) ?? { ok: false, problem: "unknown" };
}

/** The sentence for a bound's problem, naming the option and what is accepted. */
export function boundError(option: "after" | "before", problem: BoundProblem): TextRef {
  return textRef(`exporting.bound.${problem}`, { option });
}
