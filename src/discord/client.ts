import type {
  APIDMChannel,
  APIInteractionResponse,
  APIMessage,
  APIUser,
  APIWebhook,
  RESTGetAPIApplicationCommandsResult,
  RESTPatchAPIChannelMessageJSONBody,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
  RESTPostAPIInteractionFollowupJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
  RESTPutAPIApplicationCommandsJSONBody,
  RESTPutAPIApplicationCommandsResult,
  RESTPutAPIApplicationGuildCommandsJSONBody,
  RESTPutAPIApplicationGuildCommandsResult,
} from "discord-api-types/v10";
import { withAllowedMentions } from "./allowed-mentions.ts";
import { type OutgoingRequest, splitFiles, type WithFiles } from "./request.ts";
import type { CallOptions, DiscordRest } from "./rest.ts";
import { type Route, routes } from "./routes.ts";

export type MessageEdit = WithFiles<RESTPatchAPIWebhookWithTokenMessageJSONBody>;
export type FollowupMessage = WithFiles<RESTPostAPIInteractionFollowupJSONBody>;
export type ChannelMessage = WithFiles<RESTPostAPIChannelMessageJSONBody>;
export type WebhookMessage = WithFiles<RESTPostAPIWebhookWithTokenJSONBody>;
export type InteractionResponse = WithFiles<APIInteractionResponse>;
export type ChannelMessageEdit = WithFiles<RESTPatchAPIChannelMessageJSONBody>;
/** The parts every create and edit method accepts: one body for any delivery rung. */
export type MessageBody = WithFiles<
  Pick<
    RESTPostAPIChannelMessageJSONBody,
    "content" | "embeds" | "allowed_mentions" | "flags" | "components"
  >
>;

/** A message create or edit: files apart, and `allowed_mentions` always set (nobody by default). */
function withBody<T extends object>(route: Route, body: WithFiles<T>): OutgoingRequest {
  const { json, files } = splitFiles(body);
  return { route, body: withAllowedMentions(json), files };
}

/** An interaction callback: a message it carries gets `allowed_mentions` like any other. */
function withCallbackBody(route: Route, body: InteractionResponse): OutgoingRequest {
  const { json, files } = splitFiles(body);
  const data = "data" in json ? (json.data as Record<string, unknown> | undefined) : undefined;
  // Autocomplete and modal callbacks carry no message.
  const isMessage = data !== undefined && !("choices" in data) && !("title" in data);
  const guarded = isMessage ? { ...json, data: withAllowedMentions(data) } : json;
  return { route, body: guarded, files };
}

/**
 * The one Discord REST client. Each method says whether its call may be repeated: reads, edits
 * and PUTs are; a POST that creates something is not, unless it carries an enforced nonce.
 * `options.safeToRetry` overrides that default.
 */
export class DiscordClient {
  readonly rest: DiscordRest;

  constructor(rest: DiscordRest) {
    this.rest = rest;
  }

  /** 401, 403 and 429 answers this client has received. */
  get invalidRequests(): number {
    return this.rest.invalidRequests;
  }

  private call<T>(request: OutgoingRequest, safeToRetry: boolean, options: CallOptions = {}) {
    return this.rest.request<T>(request, { safeToRetry, ...options });
  }

  // Interaction token routes (no bot token; dead after 15 minutes → TokenExpiredError).

  editOriginalResponse(appId: string, token: string, body: MessageEdit, options?: CallOptions) {
    const route = routes.originalResponse("PATCH", appId, token);
    return this.call<APIMessage>(withBody(route, body), true, options);
  }

  getOriginalResponse(appId: string, token: string, options?: CallOptions) {
    return this.call<APIMessage>(
      { route: routes.originalResponse("GET", appId, token) },
      true,
      options,
    );
  }

  deleteOriginalResponse(appId: string, token: string, options?: CallOptions) {
    const route = routes.originalResponse("DELETE", appId, token);
    return this.call<void>({ route }, true, options);
  }

  createFollowupMessage(
    appId: string,
    token: string,
    body: FollowupMessage,
    options?: CallOptions,
  ) {
    return this.call<APIMessage>(withBody(routes.followups(appId, token), body), false, options);
  }

  editFollowupMessage(
    appId: string,
    token: string,
    messageId: string,
    body: MessageEdit,
    options?: CallOptions,
  ) {
    const route = routes.followupMessage("PATCH", appId, token, messageId);
    return this.call<APIMessage>(withBody(route, body), true, options);
  }

  createInteractionResponse(
    interactionId: string,
    token: string,
    body: InteractionResponse,
    options?: CallOptions,
  ) {
    const route = routes.interactionCallback(interactionId, token);
    return this.call<void>(withCallbackBody(route, body), false, options);
  }

  // Bot token routes.

  /** Safe to retry only with `nonce` + `enforce_nonce: true`: Discord then returns the first message. */
  createChannelMessage(channelId: string, body: ChannelMessage, options?: CallOptions) {
    const safe = body.enforce_nonce === true && body.nonce !== undefined;
    return this.call<APIMessage>(withBody(routes.channelMessages(channelId), body), safe, options);
  }

  getChannelMessage(channelId: string, messageId: string, options?: CallOptions) {
    const route = routes.channelMessage("GET", channelId, messageId);
    return this.call<APIMessage>({ route }, true, options);
  }

  editChannelMessage(
    channelId: string,
    messageId: string,
    body: ChannelMessageEdit,
    options?: CallOptions,
  ) {
    const route = routes.channelMessage("PATCH", channelId, messageId);
    return this.call<APIMessage>(withBody(route, body), true, options);
  }

  /** Name: 1–80 characters, without "clyde" or "discord". */
  createChannelWebhook(channelId: string, name: string, options?: CallOptions) {
    const request = { route: routes.channelWebhooks(channelId), body: { name } };
    return this.call<APIWebhook>(request, false, options);
  }

  /** The bot's own user: the cheapest call that proves the bot token works (GET /health). */
  getCurrentUser(options?: CallOptions) {
    return this.call<APIUser>({ route: routes.currentUser() }, true, options);
  }

  openDmChannel(userId: string, options?: CallOptions) {
    // Opening a DM returns the existing channel when there is one: repeating it is harmless.
    const request = { route: routes.dmChannels(), body: { recipient_id: userId } };
    return this.call<APIDMChannel>(request, true, options);
  }

  /** The commands Discord has now: globally, or in one guild when `guildId` is given. */
  getCommands(appId: string, guildId?: string, options?: CallOptions) {
    const route = guildId
      ? routes.guildCommands(appId, guildId, "GET")
      : routes.globalCommands(appId, "GET");
    return this.call<RESTGetAPIApplicationCommandsResult>({ route }, true, options);
  }

  putGlobalCommands(
    appId: string,
    commands: RESTPutAPIApplicationCommandsJSONBody,
    options?: CallOptions,
  ) {
    const request = { route: routes.globalCommands(appId), body: commands };
    return this.call<RESTPutAPIApplicationCommandsResult>(request, true, options);
  }

  putGuildCommands(
    appId: string,
    guildId: string,
    commands: RESTPutAPIApplicationGuildCommandsJSONBody,
    options?: CallOptions,
  ) {
    const request = { route: routes.guildCommands(appId, guildId), body: commands };
    return this.call<RESTPutAPIApplicationGuildCommandsResult>(request, true, options);
  }

  // Channel webhook routes (the webhook's own token; deleted webhook → UnknownWebhookError).

  /** Always `?wait=true`, so a message Discord did not save is an error, not a silent 204. */
  executeWebhook(
    webhookId: string,
    webhookToken: string,
    body: WebhookMessage,
    options?: CallOptions,
  ) {
    const route = routes.executeWebhook(webhookId, webhookToken);
    return this.call<APIMessage>(withBody(route, body), false, options);
  }

  editWebhookMessage(
    webhookId: string,
    webhookToken: string,
    messageId: string,
    body: MessageEdit,
    options?: CallOptions,
  ) {
    const route = routes.webhookMessage("PATCH", webhookId, webhookToken, messageId);
    return this.call<APIMessage>(withBody(route, body), true, options);
  }

  getWebhookMessage(
    webhookId: string,
    webhookToken: string,
    messageId: string,
    options?: CallOptions,
  ) {
    const route = routes.webhookMessage("GET", webhookId, webhookToken, messageId);
    return this.call<APIMessage>({ route }, true, options);
  }
}
