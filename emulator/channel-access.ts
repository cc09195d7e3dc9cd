// What the bot may see in a channel (setChannelAccess), answered the way Discord answers it:
// 403 50001 without View Channel, 403 50013 reading history without Read Message History, and
// blank messages without the Message Content intent.
import type { ChannelAccess } from "./contract-types.ts";
import { missingAccess, missingPermissions } from "./discord-errors.ts";
import type { ApiResponse } from "./http-types.ts";
import type { JsonObject } from "./json.ts";
import type { Params, Route } from "./router.ts";
import type { EmulatorState } from "./state.ts";

const OPEN: ChannelAccess = { botCanView: true, botCanReadHistory: true, messageContent: true };

/** Routes that read history: Read Message History is needed on top of View Channel. */
const HISTORY_ROUTES = new Set([
  "GET /channels/:channel_id/messages",
  "GET /channels/:channel_id/messages/:message_id",
  "GET /channels/:channel_id/threads/archived/public",
]);

export function setAccess(state: EmulatorState, channelId: string, change: Partial<ChannelAccess>) {
  const access = { ...accessOf(state, channelId), ...change };
  state.access.set(channelId, access);
  return access;
}

/** A thread has its parent's access unless it was given its own. */
export function accessOf(state: EmulatorState, channelId: string): ChannelAccess {
  const own = state.access.get(channelId);
  if (own) return own;
  const parentId = state.channels.get(channelId)?.parentId;
  return (parentId ? state.access.get(parentId) : undefined) ?? OPEN;
}

/** Discord's refusal for a bot route on a channel the bot may not use, or null. */
export function channelRefusal(
  state: EmulatorState,
  route: Route,
  params: Params,
): ApiResponse | null {
  const channelId = params.channel_id;
  if (channelId === undefined) return null;
  const access = accessOf(state, channelId);
  if (!access.botCanView) return missingAccess();
  if (!access.botCanReadHistory && HISTORY_ROUTES.has(`${route.method} ${route.pattern}`))
    return missingPermissions();
  return null;
}

/**
 * A message as the bot reads it. Without Message Content, content, embeds, attachments and
 * components are empty, except in DMs, in the bot's own messages and in those mentioning it.
 */
export function asReadByBot(state: EmulatorState, message: JsonObject): JsonObject {
  const channelId = String(message.channel_id);
  if (accessOf(state, channelId).messageContent || state.dmChannels.has(channelId)) return message;
  const botId = state.botUser.id;
  const author = message.author as JsonObject | undefined;
  const mentions = Array.isArray(message.mentions) ? (message.mentions as JsonObject[]) : [];
  const readable = author?.id === botId || mentions.some((user) => user.id === botId);
  const read: JsonObject = readable
    ? { ...message }
    : { ...message, content: "", embeds: [], attachments: [], components: [] };
  const referenced = message.referenced_message;
  if (referenced && typeof referenced === "object")
    read.referenced_message = asReadByBot(state, referenced as JsonObject);
  return read;
}
