// Bot-token channel routes: channel info and messages (guild channels and DMs alike).
import type { Emulator } from "../context.ts";
import { cannotEditOthersMessage, unknownMessage } from "../discord-errors.ts";
import { type ApiRequest, type ApiResponse, jsonResponse, noContent } from "../http-types.ts";
import type { JsonObject } from "../json.ts";
import { editMessage, messageJson, postMessage } from "../message-actions.ts";
import { readMessageBody } from "../request-body.ts";
import { type Params, param, route } from "../router.ts";
import type { StoredMessage } from "../state.ts";
import { dmChannelJson } from "./users.ts";

const MESSAGE = "/channels/:channel_id/messages/:message_id";

export const channelRoutes = [
  route("GET", "/channels/:channel_id", "bot", ["channel_id"], getChannel),
  route("POST", "/channels/:channel_id/messages", "bot", ["channel_id"], createChannelMessage),
  route("GET", "/channels/:channel_id/messages", "bot", ["channel_id"], listMessages),
  route("GET", MESSAGE, "bot", ["channel_id"], (e, _r, p) =>
    withMessage(e, p, (m) => messageJson(e, m)),
  ),
  route("PATCH", MESSAGE, "bot", ["channel_id"], (e, r, p) =>
    withMessage(e, p, (m) =>
      m.author.id === e.state.botUser.id ? editMessage(e, r, m) : cannotEditOthersMessage(),
    ),
  ),
  route("DELETE", MESSAGE, "bot", ["channel_id"], (e, _r, p) =>
    withMessage(e, p, (m) => {
      e.state.messages.delete(m.id);
      return noContent();
    }),
  ),
];

function getChannel(emulator: Emulator, _req: ApiRequest, params: Params): ApiResponse {
  const id = param(params, "channel_id");
  const dm = emulator.state.dmChannels.get(id);
  const lastMessageId = emulator.state.messagesIn(id).at(-1)?.id ?? null;
  if (dm) return jsonResponse(200, dmChannelJson(emulator, dm));
  const channel: JsonObject = {
    id,
    type: 0,
    guild_id: emulator.state.guildOf(id),
    name: `channel-${id}`,
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: lastMessageId,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
  return jsonResponse(200, channel);
}

/** `nonce` + `enforce_nonce: true`: a repeat returns the first message instead of posting again. */
function createChannelMessage(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const { state } = emulator;
  const channelId = param(params, "channel_id");
  const read = readMessageBody(req);
  const nonce = read.ok ? read.value.payload.nonce : undefined;
  const nonceKey =
    typeof nonce === "string" || typeof nonce === "number" ? `${channelId}:${String(nonce)}` : null;
  if (read.ok && nonceKey && read.value.payload.enforce_nonce === true) {
    const firstId = state.nonces.get(nonceKey);
    const first = firstId ? state.messages.get(firstId) : undefined;
    if (first) return messageJson(emulator, first);
  }
  const posted = postMessage(emulator, req, {
    channelId,
    author: state.botUser,
    source: state.dmChannels.has(channelId) ? "dm" : "bot",
  });
  if (!posted.ok) return posted.response;
  if (nonceKey && !state.nonces.has(nonceKey)) state.nonces.set(nonceKey, posted.message.id);
  return messageJson(emulator, posted.message);
}

function listMessages(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const limit = Math.min(100, Math.max(1, Number(req.query.get("limit") ?? 50) || 50));
  const messages = emulator.state.messagesIn(param(params, "channel_id")).reverse().slice(0, limit);
  return jsonResponse(
    200,
    messages.map((m) => messageJson(emulator, m).json),
  );
}

function withMessage(
  emulator: Emulator,
  params: Params,
  then: (message: StoredMessage) => ApiResponse,
): ApiResponse {
  const message = emulator.state.messages.get(param(params, "message_id"));
  if (!message || message.channel_id !== param(params, "channel_id")) return unknownMessage();
  return then(message);
}
