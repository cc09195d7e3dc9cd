// Guilds and their threads: GET /guilds/{id}, active threads, a channel's archived public threads.
import { accessOf } from "../channel-access.ts";
import type { Emulator } from "../context.ts";
import { FormErrors } from "../form-errors.ts";
import { compareSnowflakes } from "../history/channel-index.ts";
import { channelJson, guildJson } from "../history/channel-json.ts";
import { parseLimit } from "../history/page-query.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http-types.ts";
import { type Params, param, route } from "../router.ts";
import type { ChannelRecord } from "../state.ts";

const PUBLIC_THREAD = 11;

export const threadRoutes = [
  route("GET", "/guilds/:guild_id", "bot", ["guild_id"], (e, _r, p) =>
    jsonResponse(200, guildJson(e.state, param(p, "guild_id"))),
  ),
  route("GET", "/guilds/:guild_id/threads/active", "bot", ["guild_id"], activeThreads),
  route(
    "GET",
    "/channels/:channel_id/threads/archived/public",
    "bot",
    ["channel_id"],
    archivedPublicThreads,
  ),
];

/** Every active thread of the guild the bot can see, newest first. */
function activeThreads(emulator: Emulator, _req: ApiRequest, params: Params): ApiResponse {
  const { state } = emulator;
  const guildId = param(params, "guild_id");
  const threads = threadsWhere(
    emulator,
    (t) =>
      t.guildId === guildId && t.thread?.archived === false && accessOf(state, t.id).botCanView,
  ).sort((a, b) => compareSnowflakes(b.id, a.id));
  return jsonResponse(200, { threads: threads.map((t) => channelJson(state, t.id)), members: [] });
}

/** Archived public threads of a channel, most recently archived first; `before` is a time. */
function archivedPublicThreads(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const channelId = param(params, "channel_id");
  const errors = new FormErrors();
  const limit = parseLimit(req.query.get("limit"), errors);
  const beforeText = req.query.get("before");
  const before = beforeText === null ? Number.POSITIVE_INFINITY : Date.parse(beforeText);
  if (Number.isNaN(before)) {
    errors.add(["before"], {
      code: "DATE_TYPE_PARSE",
      message: `Could not parse ${beforeText}. Should be ISO8601.`,
    });
  }
  if (!errors.empty) return errors.response();
  const archived = threadsWhere(
    emulator,
    (t) =>
      t.parentId === channelId &&
      t.type === PUBLIC_THREAD &&
      t.thread?.archived === true &&
      Date.parse(t.thread.archiveTimestamp) < before,
  ).sort((a, b) => archivedAt(b) - archivedAt(a));
  const page = archived.slice(0, limit);
  return jsonResponse(200, {
    threads: page.map((t) => channelJson(emulator.state, t.id)),
    members: [],
    has_more: archived.length > page.length,
  });
}

function threadsWhere(emulator: Emulator, keep: (t: ChannelRecord) => boolean): ChannelRecord[] {
  return [...emulator.state.channels.values()].filter((t) => t.thread !== null && keep(t));
}

function archivedAt(thread: ChannelRecord): number {
  return Date.parse(thread.thread?.archiveTimestamp ?? "");
}
