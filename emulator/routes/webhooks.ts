// Channel webhooks, and the `/webhooks/{id}/{token}` routes they share with interactions.
import type { Emulator } from "../context.ts";
import {
  invalidWebhookToken,
  maxWebhooks,
  unknownMessage,
  unknownWebhook,
} from "../discord-errors.ts";
import { FormErrors } from "../form-errors.ts";
import { type ApiRequest, type ApiResponse, jsonResponse, noContent } from "../http-types.ts";
import { resolveToken } from "../interactions.ts";
import type { JsonObject } from "../json.ts";
import { editMessage, messageJson, postMessage } from "../message-actions.ts";
import { readJsonObject, readMessageBody } from "../request-body.ts";
import { type Params, param, route } from "../router.ts";
import { randomToken } from "../snowflake.ts";
import type { ChannelWebhook } from "../state.ts";
import { checkWebhookName } from "../webhook-names.ts";
import { createFollowup, interactionMessage } from "./interactions.ts";

const TOKEN_MAJOR = ["webhook_id", "webhook_token"];
/** Discord refuses a 16th webhook in a channel with 30007. */
const MAX_WEBHOOKS_PER_CHANNEL = 15;

export const webhookRoutes = [
  route("POST", "/channels/:channel_id/webhooks", "bot", ["channel_id"], createWebhook),
  route("GET", "/channels/:channel_id/webhooks", "bot", ["channel_id"], listWebhooks),
  route("GET", "/webhooks/:webhook_id", "bot", ["webhook_id"], (e, _r, p) =>
    getWebhook(e, p, false),
  ),
  route("DELETE", "/webhooks/:webhook_id", "bot", ["webhook_id"], (e, _r, p) =>
    deleteWebhook(e, p),
  ),
  route("GET", "/webhooks/:webhook_id/:webhook_token", "none", TOKEN_MAJOR, (e, _r, p) =>
    getWebhook(e, p, true),
  ),
  route("DELETE", "/webhooks/:webhook_id/:webhook_token", "none", TOKEN_MAJOR, (e, _r, p) =>
    deleteWebhook(e, p),
  ),
  route("POST", "/webhooks/:webhook_id/:webhook_token", "none", TOKEN_MAJOR, execute),
  ...["GET", "PATCH", "DELETE"].map((method) =>
    route(
      method,
      "/webhooks/:webhook_id/:webhook_token/messages/:message_id",
      "none",
      TOKEN_MAJOR,
      webhookMessage,
    ),
  ),
];

function createWebhook(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const read = readJsonObject(req);
  if (!read.ok) return read.response;
  const errors = new FormErrors();
  checkWebhookName(read.value.name, "name", errors);
  if (!errors.empty) return errors.response();
  const { state, config } = emulator;
  const channelId = param(params, "channel_id");
  const inChannel = [...state.webhooks.values()].filter((w) => w.channelId === channelId);
  if (inChannel.length >= MAX_WEBHOOKS_PER_CHANNEL) return maxWebhooks();
  const webhook: ChannelWebhook = {
    id: state.nextId(),
    token: randomToken(51),
    channelId,
    guildId: state.guildOf(channelId),
    name: String(read.value.name),
    avatar: null,
    applicationId: config.applicationId,
  };
  state.webhooks.set(webhook.id, webhook);
  return jsonResponse(200, webhookJson(emulator, webhook, true));
}

function listWebhooks(emulator: Emulator, _req: ApiRequest, params: Params): ApiResponse {
  const channelId = param(params, "channel_id");
  const hooks = [...emulator.state.webhooks.values()].filter((w) => w.channelId === channelId);
  return jsonResponse(
    200,
    hooks.map((w) => webhookJson(emulator, w, true)),
  );
}

type Lookup =
  | { kind: "channel"; webhook: ChannelWebhook }
  | { kind: "interaction" }
  | { kind: "error"; response: ApiResponse };

/** Whether `/webhooks/{id}/…` names a channel webhook (checking its token) or an interaction. */
function lookup(emulator: Emulator, params: Params): Lookup {
  const id = param(params, "webhook_id");
  const webhook = emulator.state.webhooks.get(id);
  if (!webhook) {
    return emulator.state.deletedWebhooks.has(id)
      ? { kind: "error", response: unknownWebhook() }
      : { kind: "interaction" };
  }
  const token = params.webhook_token;
  if (token !== undefined && token !== webhook.token) {
    return { kind: "error", response: invalidWebhookToken() };
  }
  return { kind: "channel", webhook };
}

function getWebhook(emulator: Emulator, params: Params, byToken: boolean): ApiResponse {
  const found = lookup(emulator, params);
  if (found.kind === "error") return found.response;
  if (found.kind === "channel")
    return jsonResponse(200, webhookJson(emulator, found.webhook, !byToken));
  if (!byToken) return unknownWebhook();
  const resolved = resolveToken(
    emulator,
    param(params, "webhook_id"),
    param(params, "webhook_token"),
  );
  if (!resolved.ok) return resolved.response;
  const { applicationId } = resolved.interaction;
  return jsonResponse(200, {
    type: 3,
    id: applicationId,
    name: emulator.state.botUser.username,
    avatar: null,
    application_id: applicationId,
  });
}

function deleteWebhook(emulator: Emulator, params: Params): ApiResponse {
  const found = lookup(emulator, params);
  if (found.kind === "error") return found.response;
  if (found.kind === "interaction") return unknownWebhook();
  emulator.state.webhooks.delete(found.webhook.id);
  emulator.state.deletedWebhooks.add(found.webhook.id);
  return noContent();
}

/** Execute: 204 unless `wait=true`; an interaction token makes it a follow-up. */
function execute(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const found = lookup(emulator, params);
  if (found.kind === "error") return found.response;
  if (found.kind === "interaction") {
    return createFollowup(
      emulator,
      req,
      param(params, "webhook_id"),
      param(params, "webhook_token"),
    );
  }
  const { webhook } = found;
  const read = readMessageBody(req);
  const username = read.ok ? read.value.payload.username : undefined;
  if (username !== undefined) {
    const errors = new FormErrors();
    checkWebhookName(username, "username", errors);
    if (!errors.empty) return errors.response();
  }
  const posted = postMessage(emulator, req, {
    channelId: webhook.channelId,
    author: {
      id: webhook.id,
      username: typeof username === "string" ? username : webhook.name,
      bot: true,
    },
    source: "webhook",
    webhookId: webhook.id,
    applicationId: webhook.applicationId,
  });
  if (!posted.ok) return posted.response;
  return req.query.get("wait") === "true" ? messageJson(emulator, posted.message) : noContent();
}

function webhookMessage(emulator: Emulator, req: ApiRequest, params: Params): ApiResponse {
  const found = lookup(emulator, params);
  const messageId = param(params, "message_id");
  if (found.kind === "error") return found.response;
  if (found.kind === "interaction") {
    const [appId, token] = [param(params, "webhook_id"), param(params, "webhook_token")];
    return interactionMessage(emulator, req, appId, token, messageId);
  }
  const message = emulator.state.messages.get(messageId);
  if (!message || message.webhook_id !== found.webhook.id) return unknownMessage();
  if (req.method === "GET") return messageJson(emulator, message);
  if (req.method === "PATCH") return editMessage(emulator, req, message);
  emulator.state.removeMessage(message.channel_id, message.id);
  return noContent();
}

function webhookJson(emulator: Emulator, webhook: ChannelWebhook, withUser: boolean): JsonObject {
  const json: JsonObject = {
    application_id: webhook.applicationId,
    avatar: webhook.avatar,
    channel_id: webhook.channelId,
    guild_id: webhook.guildId,
    id: webhook.id,
    name: webhook.name,
    type: 1,
    token: webhook.token,
    url: `${emulator.origin}/api/webhooks/${webhook.id}/${webhook.token}`,
  };
  if (withUser) {
    const bot = emulator.state.botUser;
    json.user = {
      id: bot.id,
      username: bot.username,
      avatar: null,
      discriminator: "0000",
      bot: true,
    };
  }
  return json;
}
