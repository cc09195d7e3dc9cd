// The control API's data shapes (docs/emulator-contract.md). Pure types with no imports, so the
// tests running in workerd can share them with the Node emulator.

export type FaultKind =
  | "rate_limit"
  | "server_error"
  | "hang"
  | "missing_permission"
  | "missing_access"
  | "dm_closed"
  | "no_mutual_guilds"
  | "webhook_deleted"
  | "cloudflare_ban"
  | "unknown_message"
  | "token_expired"
  | "unknown_interaction"
  | "invalid_body"
  /** 401 on bot-token routes, as when the bot token was reset. */
  | "bad_bot_token"
  /** Cloudflare's error 1015 page: a 429 in HTML, without Discord's JSON or headers. */
  | "cloudflare_1015";

export type FaultSpec = {
  /** Substring of the path after /api/v10, e.g. a token or channel id. */
  match: string;
  /** Only this HTTP method. */
  method?: string;
  kind: FaultKind;
  /** How many requests it hits; default 1; -1 = every request. */
  times?: number;
  /** rate_limit: retry_after in seconds (default 1). */
  retryAfterSeconds?: number;
  /** rate_limit: a global 429. */
  global?: boolean;
  /** rate_limit (addition): X-RateLimit-Scope when not global; "shared" is not an invalid request. */
  scope?: "user" | "shared";
  /** server_error: 500 | 502 | 503 | 504 (default 502). */
  status?: number;
  /** Addition: also require this substring in the raw request body (e.g. a DM recipient id). */
  bodyMatch?: string;
};

export type RecordedFile = { field: string; filename: string; size: number; contentType: string };

export type RecordedRequest = {
  seq: number;
  at: number;
  method: string;
  /** The path after /api/v10 (the full path for requests outside /api/v10). */
  path: string;
  /** The query string without the leading "?". */
  query: string;
  authorization: string | null;
  userAgent: string | null;
  contentType: string | null;
  /** Parsed JSON, or {payload_json, files} for multipart, or the raw text, or null when empty. */
  body: unknown;
  /** 0 while a request hangs. */
  status: number;
  response: unknown;
  /** Addition: counted as an invalid request (401, 403, 429 except scope "shared"). */
  invalid: boolean;
};

export type MessageSource = "interaction" | "followup" | "webhook" | "bot" | "dm";

export type EmulatedMessage = {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: {
    id: string;
    filename: string;
    size: number;
    content_type: string | null;
    /** Addition: hex SHA-256 of the bytes the emulator received. */
    sha256: string;
  }[];
  flags: number;
  webhook_id?: string;
  nonce?: string;
  author: { id: string; username: string; bot: boolean };
  timestamp: string;
  edited_timestamp: string | null;
  edits: number;
  source: MessageSource;
  interaction_token?: string;
};

export type InteractionTokenRequest = {
  ttlMs?: number;
  applicationId?: string;
  channelId?: string;
  guildId?: string;
  userId?: string;
  /** Addition: false = the interaction is not acknowledged yet (the bot must use the callback). */
  deferred?: boolean;
  /** Addition: the deferred original is ephemeral. */
  ephemeral?: boolean;
  /** The interaction's attachment_size_limit (default: the emulator's maxFileBytes). */
  attachmentSizeLimit?: number;
};

export type InteractionTokenResponse = { interactionId: string; token: string; expiresAt: number };

export type SendInteractionRequest = {
  url: string;
  interaction?: Record<string, unknown>;
  ttlMs?: number;
  /** Addition: how long the bot may take to answer (Discord: 3000 ms). */
  timeoutMs?: number;
};

export type SendInteractionResponse = {
  /** 0 when the bot did not answer in time or could not be reached. */
  status: number;
  body: unknown;
  interactionId: string;
  token: string;
  /** Addition: why status is 0. */
  error?: string;
};

export type RateLimitSpec = {
  match: string;
  limit: number;
  windowMs: number;
  /** Addition: only requests of this method (e.g. "GET" for the history route's bucket). */
  method?: string;
};

export type EmulatorStats = { invalidRequests: number; requests: number };

/** POST /_emulator/history/{channelId}: fills a channel with realistic, deterministic history. */
export type SeedHistoryRequest = {
  count: number;
  /** Same seed, same options → the same messages (ids depend on `endAt` too). Default 1. */
  seed?: number;
  guildId?: string;
  /** 0 text (default), 5 announcement, 11 public thread. */
  channelType?: number;
  /** Also n threads (type 11) under this channel, some active, some archived public. */
  threads?: number;
  /** The history's time span, ending at `endAt`; default 30 days. */
  spanMs?: number;
  /** Epoch ms or ISO 8601 of the newest message; default now. */
  endAt?: number | string;
  /** Addition: the channel's name (default `channel-<id>`) and topic (default null). */
  name?: string;
  topic?: string | null;
};

export type SeedHistoryResponse = {
  channelId: string;
  guildId: string;
  count: number;
  oldestId: string | null;
  newestId: string | null;
  threadIds: string[];
  /** Addition: messages in each thread, by thread id, and which threads are archived. */
  threadMessageCounts: Record<string, number>;
  archivedThreadIds: string[];
};

export type ChannelAccess = {
  botCanView: boolean;
  botCanReadHistory: boolean;
  /** The Message Content intent, as it applies to reads in this channel. */
  messageContent: boolean;
};
