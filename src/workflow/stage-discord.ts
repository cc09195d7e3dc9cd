import type {
  APIChannel,
  APIGuild,
  APIMessage,
  RESTGetAPIChannelThreadsArchivedPublicResult,
  RESTGetAPIChannelThreadsArchivedQuery,
  RESTGetAPIGuildThreadsResult,
} from "discord-api-types/v10";
import type { CarriedRateLimits } from "../discord/rate-limit-state.ts";
import { StageFatalError } from "./definition.ts";

/** A page of `GET /channels/{id}/messages`: at most one of the cursors, `limit` 1–100. */
export interface HistoryQuery {
  after?: string;
  before?: string;
  limit?: number;
}

/**
 * Discord as a stage reads it (`context.discord`): the bot token, read-only, at the gate's "bulk"
 * priority. Every method may throw `DiscordWait` (come back later) or `DiscordAccessDenied`.
 */
export interface StageDiscord {
  /** Newest first, as Discord returns them. */
  channelMessages(channelId: string, query: HistoryQuery): Promise<APIMessage[]>;
  channel(channelId: string): Promise<APIChannel>;
  guild(guildId: string): Promise<APIGuild>;
  activeThreads(guildId: string): Promise<RESTGetAPIGuildThreadsResult>;
  archivedPublicThreads(
    channelId: string,
    query: Pick<RESTGetAPIChannelThreadsArchivedQuery, "before" | "limit">,
  ): Promise<RESTGetAPIChannelThreadsArchivedPublicResult>;
  /**
   * Discord's buckets as its last answers left them (plain JSON). A stage that reads on after a
   * yield keeps this in its state and gives it back to `carryRateLimits` at its next start: each
   * invocation has a fresh client, which would otherwise send its first call into a bucket the
   * last invocation emptied and be answered 429.
   */
  rateLimits(): CarriedRateLimits;
  carryRateLimits(carried: CarriedRateLimits | null | undefined): void;
}

/**
 * Discord asked us to wait (a route's bucket, a 429, the bot's gate) longer than a stage may
 * spend waiting: yield with `continueLater(state, error.waitMs)` and try again then.
 */
export class DiscordWait extends Error {
  override readonly name = "DiscordWait";
  readonly waitMs: number;
  constructor(waitMs: number) {
    super(`Discord asked to wait ${waitMs} ms`);
    this.waitMs = waitMs;
  }
}

export type MissingAccess = "view_channel" | "read_message_history" | "unknown_channel";

/**
 * The bot may not read what the stage asked for. The message is one sentence for the user,
 * naming the permission to grant. Fatal: waiting cannot fix it.
 */
export class DiscordAccessDenied extends StageFatalError {
  readonly missing: MissingAccess;
  constructor(missing: MissingAccess, message: string) {
    super(message);
    this.missing = missing;
  }
}
