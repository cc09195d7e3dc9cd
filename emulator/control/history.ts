// Control routes for channel history: seed it, set what the bot may read, read it back whole.
import { setAccess } from "../channel-access.ts";
import type { Emulator } from "../context.ts";
import type { ChannelAccess, SeedHistoryRequest } from "../contract-types.ts";
import { seedChannelHistory, seedOptions } from "../history/seed.ts";
import { seededMessageJson } from "../history/seeded-history.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http-types.ts";
import type { JsonObject } from "../json.ts";
import { toDiscordMessage } from "../messages.ts";
import { type Params, param, route } from "../router.ts";
import { bad, withBody } from "./body.ts";

const ACCESS_FIELDS = ["botCanView", "botCanReadHistory", "messageContent"] as const;
const MAX_READ = 10_000;

export const historyControlRoutes = [
  route("POST", "/history/:channel_id", "none", [], withBody(seed)),
  route("GET", "/history/:channel_id", "none", [], readHistory),
  route("POST", "/channel-access/:channel_id", "none", [], withBody(channelAccess)),
];

function seed(emulator: Emulator, body: JsonObject, params: Params): ApiResponse {
  const channelId = param(params, "channel_id");
  if (!/^\d{1,20}$/.test(channelId)) return bad("the channel id must be a snowflake");
  const options = seedOptions(body as Partial<SeedHistoryRequest>, Date.now());
  if (typeof options === "string") return bad(options);
  return jsonResponse(200, seedChannelHistory(emulator.state, channelId, options));
}

function channelAccess(emulator: Emulator, body: JsonObject, params: Params): ApiResponse {
  const change: Partial<ChannelAccess> = {};
  for (const field of ACCESS_FIELDS) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== "boolean") return bad(`${field} must be true or false`);
    change[field] = value;
  }
  return jsonResponse(200, setAccess(emulator.state, param(params, "channel_id"), change));
}

/**
 * The channel's messages oldest first, after `after`, as Discord stores them: no access rules,
 * no rate limit. Tests compare an export with this; `ids_only=1` answers `{ids, total}`.
 */
function readHistory(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const { state, origin } = emulator;
  const limit = Number(req.query.get("limit") ?? 1000);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_READ)
    return bad(`limit must be an integer from 1 to ${MAX_READ}`);
  const after = req.query.get("after");
  if (after !== null && !/^\d{1,20}$/.test(after)) return bad("after must be a snowflake");
  const channelId = param(params, "channel_id");
  const ids = state.history
    .page(
      channelId,
      after === null ? { kind: "after", id: "0", limit } : { kind: "after", id: after, limit },
    )
    .reverse();
  if (req.query.get("ids_only") === "1")
    return jsonResponse(200, { ids, total: state.history.count(channelId) });
  const exists = (id: string) => state.seeded.has(id) || state.messages.has(id);
  const messages = ids.map((id) => {
    const posted = state.messages.get(id);
    if (posted) return toDiscordMessage(posted, origin);
    const ref = state.seeded.get(id);
    return ref ? seededMessageJson(ref, origin, exists) : null;
  });
  return jsonResponse(200, {
    messages: messages.filter((m) => m !== null),
    total: state.history.count(channelId),
  });
}
