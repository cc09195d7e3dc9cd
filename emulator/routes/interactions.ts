// Interaction responses: the callback and the webhook-token routes (follow-ups, @original).
import type { Emulator } from "../context.ts";
import { unknownMessage } from "../discord-errors.ts";
import { type ApiRequest, type ApiResponse, jsonResponse, noContent } from "../http-types.ts";
import {
  applyInteractionResponse,
  refuseLargeMultipartResponse,
} from "../interaction-responses.ts";
import {
  createInteractionMessage,
  resolveAnsweredToken,
  resolveCallback,
} from "../interactions.ts";
import { editMessage, messageJson } from "../message-actions.ts";
import { validateMessage } from "../message-limits.ts";
import { FLAG_EPHEMERAL, FLAG_LOADING, toDiscordMessage } from "../messages.ts";
import { readMessageBody } from "../request-body.ts";
import { type Params, param, route } from "../router.ts";
import type { InteractionRecord, StoredMessage } from "../state.ts";

export const interactionRoutes = [
  route(
    "POST",
    "/interactions/:interaction_id/:interaction_token/callback",
    "none",
    ["interaction_id", "interaction_token"],
    callback,
  ),
];

function callback(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const resolved = resolveCallback(
    emulator,
    param(params, "interaction_id"),
    param(params, "interaction_token"),
  );
  if (!resolved.ok) return resolved.response;
  const tooLarge = refuseLargeMultipartResponse(req.body, req.rawBody.length);
  if (tooLarge) return tooLarge;
  const read = readMessageBody(req);
  if (!read.ok) return read.response;
  const { interaction } = resolved;
  const applied = applyInteractionResponse(
    emulator,
    interaction,
    read.value.payload,
    read.value.files,
  );
  if (!applied.ok) return applied.response;
  if (req.query.get("with_response") !== "true") return noContent();
  const message = applied.message;
  return jsonResponse(200, {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      activity_instance_id: null,
      response_message_id: message?.id ?? null,
      response_message_loading: message ? (message.flags & FLAG_LOADING) !== 0 : null,
      response_message_ephemeral: message ? (message.flags & FLAG_EPHEMERAL) !== 0 : null,
    },
    resource: message
      ? { type: applied.type, message: toDiscordMessage(message, emulator.origin) }
      : { type: applied.type },
  });
}

/** `POST /webhooks/{app}/{token}`: a follow-up, always answered with the message. */
export function createFollowup(
  emulator: Emulator,
  req: ApiRequest,
  appId: string,
  token: string,
): ApiResponse {
  const resolved = resolveAnsweredToken(emulator, appId, token);
  if (!resolved.ok) return resolved.response;
  const read = readMessageBody(req);
  if (!read.ok) return read.response;
  const invalid = validateMessage(read.value, resolved.interaction.attachmentSizeLimit, "create");
  if (invalid) return invalid;
  const message = createInteractionMessage(
    emulator,
    resolved.interaction,
    "followup",
    read.value.payload,
    read.value.files,
  );
  return messageJson(emulator, message);
}

/** `GET|PATCH|DELETE /webhooks/{app}/{token}/messages/{id|@original}`. */
export function interactionMessage(
  emulator: Emulator,
  req: ApiRequest,
  appId: string,
  token: string,
  messageId: string,
): ApiResponse {
  const resolved = resolveAnsweredToken(emulator, appId, token);
  if (!resolved.ok) return resolved.response;
  const { interaction } = resolved;
  const message = findMessage(emulator, interaction, messageId);
  if (!message) return unknownMessage();
  switch (req.method) {
    case "GET":
      return messageJson(emulator, message);
    case "PATCH":
      return editMessage(emulator, req, message, interaction.attachmentSizeLimit);
    default:
      emulator.state.removeMessage(message.channel_id, message.id);
      if (interaction.originalMessageId === message.id) interaction.originalMessageId = null;
      return noContent();
  }
}

function findMessage(
  emulator: Emulator,
  interaction: InteractionRecord,
  messageId: string,
): StoredMessage | undefined {
  const id = messageId === "@original" ? interaction.originalMessageId : messageId;
  const message = id ? emulator.state.messages.get(id) : undefined;
  return message?.interaction_token === interaction.token ? message : undefined;
}
