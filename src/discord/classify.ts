import {
  CannotDmError,
  ClientError,
  CloudflareBanError,
  DiscordErrorCode as Code,
  type DiscordApiError,
  type DiscordErrorDetails,
  FatalError,
  MissingPermissionError,
  NotFoundError,
  RateLimitedError,
  TokenExpiredError,
  TransientError,
  UnknownWebhookError,
} from "./errors.ts";
import { hasRateLimitHeaders, parseRateLimitHeaders } from "./rate-limit-headers.ts";
import type { Route } from "./routes.ts";

/** The JSON Discord answers an error with; every field is optional because proxies answer too. */
export interface DiscordErrorBody {
  message?: string;
  code?: number;
  errors?: unknown;
  retry_after?: number;
  global?: boolean;
}

const DEFAULT_RETRY_AFTER_MS = 1000;

export function parseErrorBody(text: string): DiscordErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return { message: text.slice(0, 200) };
    const body = parsed as Record<string, unknown>;
    return {
      message: typeof body.message === "string" ? body.message : undefined,
      code: typeof body.code === "number" ? body.code : undefined,
      errors: body.errors,
      retry_after: typeof body.retry_after === "number" ? body.retry_after : undefined,
      global: typeof body.global === "boolean" ? body.global : undefined,
    };
  } catch {
    // Not JSON: a proxy's HTML page or an empty body. Keep a short excerpt for the error message.
    return { message: text.slice(0, 200) };
  }
}

function isCloudflareBan(headers: Headers, body: DiscordErrorBody): boolean {
  return !hasRateLimitHeaders(headers) || /being blocked/i.test(body.message ?? "");
}

function rateLimited(details: DiscordErrorDetails, headers: Headers, body: DiscordErrorBody) {
  const parsed = parseRateLimitHeaders(headers);
  const fromBody = body.retry_after === undefined ? undefined : Math.ceil(body.retry_after * 1000);
  return new RateLimitedError(details, {
    // The body's float is the most precise; Retry-After is whole seconds rounded up.
    retryAfterMs: fromBody ?? parsed.retryAfterMs ?? parsed.resetAfterMs ?? DEFAULT_RETRY_AFTER_MS,
    global: body.global === true || parsed.global,
    scope: parsed.scope,
    bucket: parsed.bucket,
  });
}

const TOKEN_DEAD_CODES: ReadonlySet<number> = new Set([
  Code.InvalidWebhookToken,
  Code.UnknownWebhook,
  Code.UnknownInteraction,
]);
const WEBHOOK_GONE_CODES: ReadonlySet<number> = new Set([
  Code.UnknownWebhook,
  Code.InvalidWebhookToken,
]);
const NO_PERMISSION_CODES: ReadonlySet<number> = new Set([
  Code.MissingAccess,
  Code.MissingPermissions,
]);
const NO_DM_CODES: ReadonlySet<number> = new Set([Code.CannotSendToUser, Code.NoMutualGuilds]);

/** Turns a non-2xx response into the typed error callers branch on. */
export function classifyResponse(
  route: Route,
  status: number,
  headers: Headers,
  body: DiscordErrorBody,
): DiscordApiError {
  const code = body.code;
  const details: DiscordErrorDetails = {
    status,
    code,
    method: route.method,
    route: route.template,
    discordMessage: body.message || `HTTP ${status}`,
    errors: code === Code.InvalidFormBody ? body.errors : undefined,
  };
  if (status === 429) {
    return isCloudflareBan(headers, body)
      ? new CloudflareBanError(details)
      : rateLimited(details, headers, body);
  }
  if (status >= 500) {
    // 502/504 come from the gateway in front of Discord: the API behind it may have acted.
    return new TransientError(details, status === 502 || status === 504);
  }
  if (code !== undefined) {
    if (route.kind === "interaction" && TOKEN_DEAD_CODES.has(code)) {
      return new TokenExpiredError(details);
    }
    if (route.kind === "webhook" && WEBHOOK_GONE_CODES.has(code)) {
      return new UnknownWebhookError(details);
    }
    if (NO_PERMISSION_CODES.has(code)) return new MissingPermissionError(details);
    if (NO_DM_CODES.has(code)) return new CannotDmError(details);
    if (code === Code.InvalidFormBody) return new FatalError(details, "invalid_body");
    if (code === Code.CloudflareBlocked) return new FatalError(details, "blocked_user_agent");
  }
  if (status === 401 && route.kind === "bot") return new FatalError(details, "bad_bot_token");
  if (status === 404) return new NotFoundError(details);
  return new ClientError(details);
}

/** A fetch that threw: no response, so Discord may or may not have received the request. */
export function classifyFetchFailure(
  route: Route,
  cause: unknown,
  timedOut: boolean,
): TransientError {
  // Only the error's name: a runtime's message may quote the URL, and the URL holds the token.
  const reason = cause instanceof Error ? cause.name : typeof cause;
  return new TransientError(
    {
      status: 0,
      method: route.method,
      route: route.template,
      discordMessage: timedOut ? "request timed out; outcome unknown" : `network error: ${reason}`,
      cause,
    },
    true,
  );
}
