export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * Who a route authenticates as, which decides the Authorization header and how a dead token
 * reads: "bot" routes carry the bot token; "interaction" routes carry an interaction token in the
 * path (dies after 15 minutes); "webhook" routes carry a channel webhook's token in the path.
 */
export type RouteKind = "bot" | "interaction" | "webhook";

export interface Route {
  method: HttpMethod;
  /** Path after the API base, with ids and tokens filled in. Never log it. */
  path: string;
  /** The path's template (tokens and ids as placeholders): safe to log and to carry in errors. */
  template: string;
  /** Discord's major parameter (channel, guild, webhook id + token hash); "" when there is none. */
  majorParameter: string;
  kind: RouteKind;
  query?: Record<string, string>;
}

/** The bucket a route's rate-limit state is kept under before Discord names its bucket. */
export function routeBucketKey(route: Route): string {
  // Executes, follow-ups and edits of one webhook (channel or interaction) share its bucket
  // (FACTS: about 5 per 2 s): counted together from the first call, not after learning hashes.
  if (route.template.startsWith("/webhooks/")) return "webhook";
  return `${route.method} ${route.template}`;
}

/** Interaction callbacks are answered once per interaction: no bucket worth tracking. */
export function routeSkipsBuckets(route: Route): boolean {
  return route.template.startsWith("/interactions/");
}

/** Interaction webhooks are not bound by the global rate limit (Discord docs, interactions). */
export function routeSkipsGlobalLimit(route: Route): boolean {
  return route.kind === "interaction";
}

// Tokens become part of the major parameter only as a hash, so state that is persisted or logged
// never holds a credential. FNV-1a: the hash only has to tell tokens apart, not protect them.
function tokenHash(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

const enc = encodeURIComponent;

function botRoute(method: HttpMethod, path: string, template: string, major = ""): Route {
  return { method, path, template, majorParameter: major, kind: "bot" };
}

/** `messageId` is "@original", a message id, or undefined for the webhook itself. */
function messagePart(messageId: string | undefined): { path: string; template: string } {
  if (messageId === undefined) return { path: "", template: "" };
  if (messageId === "@original")
    return { path: "/messages/@original", template: "/messages/@original" };
  return { path: `/messages/${enc(messageId)}`, template: "/messages/:message_id" };
}

function interactionWebhook(
  method: HttpMethod,
  appId: string,
  token: string,
  messageId?: string,
): Route {
  const part = messagePart(messageId);
  return {
    method,
    path: `/webhooks/${enc(appId)}/${enc(token)}${part.path}`,
    template: `/webhooks/:application_id/:token${part.template}`,
    majorParameter: `${appId}:${tokenHash(token)}`,
    kind: "interaction",
  };
}

function channelWebhook(method: HttpMethod, id: string, token: string, messageId?: string): Route {
  const part = messagePart(messageId);
  return {
    method,
    path: `/webhooks/${enc(id)}/${enc(token)}${part.path}`,
    template: `/webhooks/:webhook_id/:token${part.template}`,
    majorParameter: `${id}:${tokenHash(token)}`,
    kind: "webhook",
  };
}

export const routes = {
  originalResponse: (method: "GET" | "PATCH" | "DELETE", appId: string, token: string) =>
    interactionWebhook(method, appId, token, "@original"),
  followups: (appId: string, token: string) => interactionWebhook("POST", appId, token),
  followupMessage: (method: "GET" | "PATCH" | "DELETE", appId: string, token: string, id: string) =>
    interactionWebhook(method, appId, token, id),
  interactionCallback: (interactionId: string, token: string): Route => ({
    method: "POST",
    path: `/interactions/${enc(interactionId)}/${enc(token)}/callback`,
    template: "/interactions/:interaction_id/:token/callback",
    majorParameter: `${interactionId}:${tokenHash(token)}`,
    kind: "interaction",
  }),
  channelMessages: (channelId: string) =>
    botRoute(
      "POST",
      `/channels/${enc(channelId)}/messages`,
      "/channels/:channel_id/messages",
      channelId,
    ),
  channelMessage: (method: "GET" | "PATCH" | "DELETE", channelId: string, messageId: string) =>
    botRoute(
      method,
      `/channels/${enc(channelId)}/messages/${enc(messageId)}`,
      "/channels/:channel_id/messages/:message_id",
      channelId,
    ),
  channelWebhooks: (channelId: string) =>
    botRoute(
      "POST",
      `/channels/${enc(channelId)}/webhooks`,
      "/channels/:channel_id/webhooks",
      channelId,
    ),
  executeWebhook: (webhookId: string, webhookToken: string): Route => ({
    ...channelWebhook("POST", webhookId, webhookToken),
    // Without wait=true Discord answers 204 even when the message was not saved.
    query: { wait: "true" },
  }),
  webhookMessage: (
    method: "GET" | "PATCH" | "DELETE",
    id: string,
    token: string,
    messageId: string,
  ) => channelWebhook(method, id, token, messageId),
  channel: (channelId: string) =>
    botRoute("GET", `/channels/${enc(channelId)}`, "/channels/:channel_id", channelId),
  /** Reading history: same template as posting, another method, so another bucket. */
  channelHistory: (channelId: string, query: Record<string, string>): Route => ({
    ...botRoute(
      "GET",
      `/channels/${enc(channelId)}/messages`,
      "/channels/:channel_id/messages",
      channelId,
    ),
    query,
  }),
  archivedPublicThreads: (channelId: string, query: Record<string, string>): Route => ({
    ...botRoute(
      "GET",
      `/channels/${enc(channelId)}/threads/archived/public`,
      "/channels/:channel_id/threads/archived/public",
      channelId,
    ),
    query,
  }),
  guild: (guildId: string) =>
    botRoute("GET", `/guilds/${enc(guildId)}`, "/guilds/:guild_id", guildId),
  activeThreads: (guildId: string) =>
    botRoute(
      "GET",
      `/guilds/${enc(guildId)}/threads/active`,
      "/guilds/:guild_id/threads/active",
      guildId,
    ),
  dmChannels: () => botRoute("POST", "/users/@me/channels", "/users/@me/channels"),
  currentUser: () => botRoute("GET", "/users/@me", "/users/@me"),
  globalCommands: (appId: string, method: "GET" | "PUT" = "PUT") =>
    botRoute(
      method,
      `/applications/${enc(appId)}/commands`,
      "/applications/:application_id/commands",
    ),
  guildCommands: (appId: string, guildId: string, method: "GET" | "PUT" = "PUT") =>
    botRoute(
      method,
      `/applications/${enc(appId)}/guilds/${enc(guildId)}/commands`,
      "/applications/:application_id/guilds/:guild_id/commands",
      guildId,
    ),
};
