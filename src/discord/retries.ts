import { type BackoffOptions, backoffWithJitter, DEFAULT_BACKOFF } from "../backoff.ts";
import {
  CannotDmError,
  ClientError,
  CloudflareBanError,
  DiscordErrorCode,
  FatalError,
  MissingPermissionError,
  NotFoundError,
  RateLimitedError,
  TokenExpiredError,
  TransientError,
  UnknownWebhookError,
} from "./errors.ts";

export { type BackoffOptions, backoffWithJitter, DEFAULT_BACKOFF };

// Callers branch on these names, never on status or error codes.

/** The interaction token can no longer be used: go to the next delivery rung. */
export function isTokenDead(e: unknown): e is TokenExpiredError {
  return e instanceof TokenExpiredError;
}

/** The bot's channel webhook is gone: forget it and create a new one. */
export function isWebhookGone(e: unknown): e is UnknownWebhookError {
  return e instanceof UnknownWebhookError;
}

/** Worth trying the same call again later (same rung): a rate limit or a transient failure. */
export function isRetryable(e: unknown): e is RateLimitedError | TransientError {
  return e instanceof RateLimitedError || e instanceof TransientError;
}

/** Discord refused the upload as too large (40005): send less, e.g. links instead of files. */
export function isEntityTooLarge(e: unknown): e is ClientError {
  return e instanceof ClientError && e.code === DiscordErrorCode.EntityTooLarge;
}

export function isRateLimited(e: unknown): e is RateLimitedError {
  return e instanceof RateLimitedError;
}

/** Discord may have acted on the request although no answer arrived: check before re-sending. */
export function isOutcomeUnknown(e: unknown): boolean {
  return e instanceof TransientError && e.outcomeUnknown;
}

/** The bot may not post here (missing access or permission): try the next rung. */
export function isPermissionDenied(e: unknown): e is MissingPermissionError {
  return e instanceof MissingPermissionError;
}

/** The user cannot receive a DM from the bot. */
export function isDmImpossible(e: unknown): e is CannotDmError {
  return e instanceof CannotDmError;
}

/** The channel or message no longer exists. */
export function isGone(e: unknown): e is NotFoundError {
  return e instanceof NotFoundError;
}

/** Stop calling Discord: a bad bot token, a body Discord rejects, or a Cloudflare ban. */
export function isFatal(e: unknown): e is FatalError | CloudflareBanError {
  return e instanceof FatalError || e instanceof CloudflareBanError;
}

/**
 * The one retry-delay policy: how long to wait before trying a failed call again. Discord's own
 * wait for a 429 (`retry_after` is a floor, not a hint), full-jitter backoff for a transient
 * failure; null for any other error, which no wait will mend. At least 1 ms.
 */
export function retryDelayMs(
  e: unknown,
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number | null {
  if (e instanceof RateLimitedError) return Math.max(1, e.retryAfterMs);
  if (e instanceof TransientError) return Math.max(1, backoffWithJitter(attempt, options, random));
  return null;
}

/**
 * The same policy for a step that must be tried again whatever failed (a timer whose handler
 * threw, a queue send, a delivery rung): an error the policy cannot read waits the longest, the
 * backoff's cap.
 */
export function retryDelayOrCapMs(
  e: unknown,
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return retryDelayMs(e, attempt, options, random) ?? options.capMs;
}

/**
 * The same policy for work that fails for reasons of its own (a stage handed back to the queue):
 * an error the policy cannot read waits the plain backoff.
 */
export function retryDelayOrBackoffMs(
  e: unknown,
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return (
    retryDelayMs(e, attempt, options, random) ??
    Math.max(1, backoffWithJitter(attempt, options, random))
  );
}
