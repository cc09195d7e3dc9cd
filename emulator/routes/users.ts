// Users and DM channels.
import type { Emulator } from "../context.ts";
import { FormErrors, REQUIRED } from "../form-errors.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http-types.ts";
import type { JsonObject } from "../json.ts";
import { readJsonObject } from "../request-body.ts";
import { type Params, param, route } from "../router.ts";
import { type DmChannel, type UserRecord, userFor } from "../state.ts";

export const userRoutes = [
  route("GET", "/users/@me", "bot", [], (e) => jsonResponse(200, userJson(e.state.botUser))),
  route("POST", "/users/@me/channels", "bot", [], openDm),
  route("GET", "/users/:user_id", "bot", [], (e, _r, p) => {
    const id = param(p, "user_id");
    return jsonResponse(200, userJson(id === e.state.botUser.id ? e.state.botUser : userFor(id)));
  }),
];

/** `POST /users/@me/channels {recipient_id}`: the same recipient always gets the same channel. */
function openDm(emulator: Emulator, req: ApiRequest, _params: Params): ApiResponse {
  const read = readJsonObject(req);
  if (!read.ok) return read.response;
  const recipientId = read.value.recipient_id;
  if (typeof recipientId !== "string" || !/^\d+$/.test(recipientId)) {
    const errors = new FormErrors();
    errors.add(
      ["recipient_id"],
      recipientId === undefined
        ? REQUIRED
        : {
            code: "NUMBER_TYPE_COERCE",
            message: `Value "${String(recipientId)}" is not snowflake.`,
          },
    );
    return errors.response();
  }
  const { state } = emulator;
  const existing = state.dmChannelByRecipient.get(recipientId);
  let channel = existing ? state.dmChannels.get(existing) : undefined;
  if (!channel) {
    channel = { id: state.nextId(), recipient: userFor(recipientId) };
    state.dmChannels.set(channel.id, channel);
    state.dmChannelByRecipient.set(recipientId, channel.id);
  }
  return jsonResponse(200, dmChannelJson(emulator, channel));
}

export function dmChannelJson(emulator: Emulator, channel: DmChannel): JsonObject {
  return {
    id: channel.id,
    type: 1,
    last_message_id: emulator.state.history.newest(channel.id),
    flags: 0,
    recipients: [userJson(channel.recipient)],
  };
}

export function userJson(user: UserRecord): JsonObject {
  return {
    id: user.id,
    username: user.username,
    avatar: null,
    discriminator: user.bot ? "0000" : "0",
    public_flags: 0,
    flags: 0,
    bot: user.bot,
    global_name: null,
  };
}
