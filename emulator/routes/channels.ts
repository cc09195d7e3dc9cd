// Bot-token channel routes: channel info and messages (guild channels and DMs alike).
import type { Emulator } from "../context.ts";
import { cannotEditOthersMessage, unknownMessage } from "../discord-errors.ts";
import { channelJson } from "../history/channel-json.ts";
import { readMessage } from "../history/message-json.ts";
import { parsePageQuery } from "../history/page-query.ts";
import { type ApiRequest, type ApiResponse, jsonResponse, noContent } from "../http-types.ts";
import { editMessage, messageJson, postMessage } from "../message-actions.ts";
import { readMessageBody } from "../request-body.ts";
import { type Params, param, route } from "../router.ts";
import { dmChannelJson } from "./users.ts";

const MESSAGE = "/channels/:channel_id/messages/:message_id";

export const channelRoutes = [
  route("GET", "/channels/:channel_id", "bot", ["channel_id"], getChannel),
  route("POST", "/channels/:channel_id/messages", "bot", ["channel_id"], createChannelMessage),
  route("GET", "/channels/:channel_id/messages", "bot", ["channel_id"], listMessages),
  route("GET", MESSAGE, "bot", ["channel_id"], (e, _r, p) => {
    const message = inChannel(e, p) ? readMessage(e, param(p, "message_id")) : null;
    return message ? jsonResponse(200, message) : unknownMessage();
  }),
  route("PATCH", MESSAGE, "bot", ["channel_id"], (e, r, p) => {
    if (!inChannel(e, p)) return unknownMessage();
    // Seeded history is never the bot's own.
    const posted = e.state.messages.get(param(p, "message_id"));
    return posted?.author.id === e.state.botUser.id
      ? editMessage(e, r, posted)
      : cannotEditOthersMessage();
  }),
  route("DELETE", MESSAGE, "bot", ["channel_id"], (e, _r, p) => {
    if (!inChannel(e, p)) return unknownMessage();
    e.state.removeMessage(param(p, "channel_id"), param(p, "message_id"));
    return noContent();
  }),
];

function getChannel(emulator: Emulator, _req: ApiRequest, params: Params): ApiResponse {
  const id = param(params, "channel_id");
  const dm = emulator.state.dmChannels.get(id);
  if (dm) return jsonResponse(200, dmChannelJson(emulator, dm));
  return jsonResponse(200, channelJson(emulator.state, id));
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

/** A page of history, newest first, whichever of before / after / around was asked. */
function listMessages(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const query = parsePageQuery(req.query);
  if ("refused" in query) return query.refused;
  const ids = emulator.state.history.page(param(params, "channel_id"), query);
  const messages = [];
  for (const id of ids) {
    const message = readMessage(emulator, id);
    if (message) messages.push(message);
  }
  return jsonResponse(200, messages);
}

/** The message exists and belongs to the channel in the path. */
function inChannel(emulator: Emulator, params: Params): boolean {
  const { state } = emulator;
  const id = param(params, "message_id");
  const channelId = state.messages.get(id)?.channel_id ?? state.seeded.get(id)?.history.channelId;
  return channelId === param(params, "channel_id");
}
