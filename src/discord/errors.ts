import type { HttpMethod } from "./routes.ts";

/** JSON error codes from Discord's documentation (topics/opcodes-and-status-codes). */
export const DiscordErrorCode = {
  General: 0,
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  EntityTooLarge: 40005,
  InteractionAlreadyAcknowledged: 40060,
  CloudflareBlocked: 40333,
  MissingAccess: 50001,
  EmptyMessage: 50006,
  CannotSendToUser: 50007,
  MissingPermissions: 50013,
  InvalidWebhookToken: 50027,
  InvalidFormBody: 50035,
  NoMutualGuilds: 50278,
} as const;

export interface DiscordErrorDetails {
  /** HTTP status; 0 when no response arrived (network error, timeout). */
  status: number;
  /** Discord's JSON error code, when the body had one. */
  code?: number;
  method: HttpMethod;
  /** The route template (no tokens, no ids): safe to log. */
  route: string;
  /** Discord's `message`, or a description of what went wrong. */
  discordMessage: string;
  /** For 50035 Invalid Form Body: Discord's per-field `errors` object. */
  errors?: unknown;
  cause?: unknown;
}

/** Base of every error the Discord client throws. */
export class DiscordApiError extends Error {
  readonly status: number;
  readonly code: number | undefined;
  readonly method: HttpMethod;
  readonly route: string;
  readonly discordMessage: string;
  readonly errors: unknown;

  constructor(details: DiscordErrorDetails) {
    const code = details.code === undefined ? "" : ` (code ${details.code})`;
    super(
      `${details.method} ${details.route} → ${details.status}${code}: ${details.discordMessage}`,
      {
        cause: details.cause,
      },
    );
    this.name = new.target.name;
    this.status = details.status;
    this.code = details.code;
    this.method = details.method;
    this.route = details.route;
    this.discordMessage = details.discordMessage;
    this.errors = details.errors;
  }
}

/** The interaction token is dead (expired, or the interaction is gone): move to the next rung. */
export class TokenExpiredError extends DiscordApiError {}

/** A bot-created channel webhook no longer exists (deleted, or its token is invalid). */
export class UnknownWebhookError extends DiscordApiError {}

export interface RateLimitDetails {
  /** How long Discord asked us to wait; a floor, never shortened. */
  retryAfterMs: number;
  global: boolean;
  scope?: string;
  bucket?: string;
}

/** 429 from Discord's rate limiter, or a wait the client refused to make (`status` 0, not sent). */
export class RateLimitedError extends DiscordApiError {
  readonly retryAfterMs: number;
  readonly global: boolean;
  readonly scope: string | undefined;
  readonly bucket: string | undefined;

  constructor(details: DiscordErrorDetails, limit: RateLimitDetails) {
    super(details);
    this.retryAfterMs = limit.retryAfterMs;
    this.global = limit.global;
    this.scope = limit.scope;
    this.bucket = limit.bucket;
  }
}

/** Why the bot gate stops every bot-token call (see src/gate/). */
export type GateReason =
  | "global_rate_limit"
  | "shared_rate_limit"
  | "cloudflare_ban"
  | "bad_bot_token";

/**
 * A bot-token call the gate did not let out (status 0, nothing sent): the gate is closed for
 * `reason`, or the bot's global request budget is spent (`reason` undefined). A RateLimitedError,
 * so every caller already retries it at `retryAfterMs` on the same rung instead of falling through.
 */
export class GateClosedError extends RateLimitedError {
  readonly reason: GateReason | undefined;

  constructor(details: DiscordErrorDetails, retryAfterMs: number, reason: GateReason | undefined) {
    super(details, { retryAfterMs, global: true });
    this.reason = reason;
  }
}

/** Cloudflare blocks our IP (429 without rate-limit headers): stop calling, never retry on a timer. */
export class CloudflareBanError extends DiscordApiError {}

/**
 * 5xx, network error or timeout. `outcomeUnknown` means Discord may have acted on the request
 * (the call timed out, or a gateway in front of Discord failed): it is not a "failed" send.
 */
export class TransientError extends DiscordApiError {
  readonly outcomeUnknown: boolean;

  constructor(details: DiscordErrorDetails, outcomeUnknown: boolean) {
    super(details);
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** 403 Missing Access / Missing Permissions: this delivery path is closed to the bot. */
export class MissingPermissionError extends DiscordApiError {}

/** The user cannot be sent a DM (DMs closed, or no mutual guild). */
export class CannotDmError extends DiscordApiError {}

export type FatalReason = "bad_bot_token" | "invalid_body" | "blocked_user_agent";

/** Retrying cannot help: a bad bot token, or a body Discord rejects (our bug). */
export class FatalError extends DiscordApiError {
  readonly reason: FatalReason;

  constructor(details: DiscordErrorDetails, reason: FatalReason) {
    super(details);
    this.reason = reason;
  }
}

/** Any other 4xx. */
export class ClientError extends DiscordApiError {}

/** 404 other than a dead token or webhook, e.g. Unknown Channel / Unknown Message. */
export class NotFoundError extends ClientError {}
