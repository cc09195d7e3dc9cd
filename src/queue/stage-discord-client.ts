import { createDiscordClient } from "../discord/create-client.ts";
import {
  DiscordErrorCode,
  MissingPermissionError,
  NotFoundError,
  RateLimitedError,
} from "../discord/errors.ts";
import { MemoryRateLimitState } from "../discord/rate-limit-state.ts";
import { rawText } from "../discord/render/localized-text.ts";
import type { DiscordRest } from "../discord/rest.ts";
import { type Route, routes } from "../discord/routes.ts";
import { botGateFor } from "../gate/gate-client.ts";
import type { Locale } from "../i18n/locales.ts";
import type { Logger } from "../log.ts";
import {
  DiscordAccessDenied,
  DiscordWait,
  type HistoryQuery,
  type StageDiscord,
} from "../workflow/stage-discord.ts";

/**
 * The longest a stage's Discord call waits in place (a bucket, a 429, the gate's budget); a
 * longer wait is handed back to the stage as `DiscordWait`, which yields, freeing the consumer.
 */
export const STAGE_DISCORD_MAX_WAIT_MS = 5_000;

/**
 * A 403 or 404 as one sentence naming what the bot lacks, in the workflow's public language (it
 * becomes the reason the workflow stopped); other errors unchanged. Plain text: the sentence
 * reaches the user through plain-text paths (the error, the summary).
 */
export function accessDeniedOf(error: unknown, route: Route, locale: Locale): unknown {
  const t = rawText(locale);
  if (error instanceof NotFoundError && error.code === DiscordErrorCode.UnknownChannel)
    return new DiscordAccessDenied("unknown_channel", t("engine.accessUnknownChannel"));
  if (!(error instanceof MissingPermissionError)) return error;
  // 50013 on a history read is Read Message History; 50001 (or 50013 elsewhere) View Channel.
  const history =
    error.code === DiscordErrorCode.MissingPermissions &&
    route.template === "/channels/:channel_id/messages";
  return history
    ? new DiscordAccessDenied("read_message_history", t("engine.accessReadHistory"))
    : new DiscordAccessDenied("view_channel", t("engine.accessViewChannel"));
}

function query(values: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) out[name] = String(value);
  return out;
}

/**
 * The stage's read-only Discord: the one REST client, gated at "bulk", errors made stage-sized
 * and said in `locale`.
 */
export function stageDiscord(env: Env, log: Logger, locale: Locale): StageDiscord {
  const buckets = new MemoryRateLimitState();
  const rest: DiscordRest = createDiscordClient(env, {
    rateLimitState: buckets,
    gate: botGateFor(env, log),
    gatePriority: "bulk",
    maxWaitMs: STAGE_DISCORD_MAX_WAIT_MS,
    logger: log.with({ component: "stage-discord" }),
  }).rest;
  const get = async <T>(route: Route): Promise<T> => {
    try {
      // Reads: repeating one after a timeout does nothing twice.
      return await rest.request<T>({ route }, { safeToRetry: true });
    } catch (error) {
      if (error instanceof RateLimitedError) throw new DiscordWait(Math.max(1, error.retryAfterMs));
      throw accessDeniedOf(error, route, locale);
    }
  };
  return {
    channelMessages: (channelId, page: HistoryQuery) =>
      get(routes.channelHistory(channelId, query({ ...page, limit: page.limit ?? 100 }))),
    channel: (channelId) => get(routes.channel(channelId)),
    guild: (guildId) => get(routes.guild(guildId)),
    activeThreads: (guildId) => get(routes.activeThreads(guildId)),
    archivedPublicThreads: (channelId, page) =>
      get(routes.archivedPublicThreads(channelId, query({ ...page }))),
    rateLimits: () => buckets.carry(Date.now()),
    carryRateLimits: (carried) => {
      if (carried) buckets.adopt(carried);
    },
  };
}
