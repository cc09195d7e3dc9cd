import type { Logger } from "../log.ts";
import {
  type BotGatePort,
  type GatePriority,
  gateClosureFor,
  routeUsesGate,
} from "./bot-gate-port.ts";
import { classifyFetchFailure, classifyResponse, parseErrorBody } from "./classify.ts";
import {
  CloudflareBanError,
  type DiscordApiError,
  FatalError,
  GateClosedError,
  RateLimitedError,
  TransientError,
} from "./errors.ts";
import { parseRateLimitHeaders } from "./rate-limit-headers.ts";
import type { BucketKey, RateLimitState } from "./rate-limit-state.ts";
import { buildRequestInit, type OutgoingRequest } from "./request.ts";
import { type BackoffOptions, retryDelayOrCapMs } from "./retries.ts";
import { type Route, routeBucketKey, routeSkipsBuckets, routeSkipsGlobalLimit } from "./routes.ts";

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;
export type SleepFn = (ms: number) => Promise<void>;

export interface DiscordRestOptions {
  apiBase: string;
  botToken: string;
  /** Every call is aborted after this long; the outcome is then unknown. */
  timeoutMs: number;
  /** Retries after the first attempt, for calls that may be retried. */
  maxRetries: number;
  backoff: BackoffOptions;
  /** Longest a call may wait for a bucket or a 429 before throwing RateLimitedError instead. */
  maxWaitMs: number;
  rateLimitState: RateLimitState;
  logger: Logger;
  fetch: FetchFn;
  sleep: SleepFn;
  random: () => number;
  now: () => number;
  /** The bot-wide gate (global limit, bans, bad token); without it every call is let out. */
  gate?: BotGatePort;
  /** What this client's calls are to the gate; results unless said otherwise. */
  gatePriority?: GatePriority;
  /** Longest a call may wait at the gate (its budget or a short closure); `maxWaitMs` if unset. */
  maxGateWaitMs?: number;
  /** Told the HTTP status of every answer (0: no answer), e.g. for discord_requests_total. */
  onResponse?: (status: number) => void;
}

export interface CallOptions {
  /**
   * The call may be repeated after a 5xx or timeout without doing its effect twice (a GET, an
   * edit, a PUT, a POST with an enforced nonce). A 429 is retried either way: Discord did not
   * act on a rate-limited request.
   */
  safeToRetry?: boolean;
  /** Overrides the client's `maxWaitMs` for this call. */
  maxWaitMs?: number;
}

/** Bounds the bucket wait loop; each turn normally ends the wait it was told about. */
const MAX_BUCKET_WAITS = 5;
const LOGGED_BODY_CHARS = 4000;

function bucketKeyFor(route: Route): BucketKey {
  return {
    routeKey: routeBucketKey(route),
    majorParameter: route.majorParameter,
    subjectToGlobal: !routeSkipsGlobalLimit(route),
  };
}

/** Invalid requests (401, 403, 429 except scope shared) count towards Discord's IP ban. */
function isInvalidRequest(status: number, headers: Headers): boolean {
  if (status === 429) return headers.get("x-ratelimit-scope") !== "shared";
  return status === 401 || status === 403;
}

function parseSuccess<T>(route: Route, status: number, text: string): T {
  if (text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    // Discord acted (2xx) but we cannot read what it made: the caller must look before re-sending.
    throw new TransientError(
      {
        status,
        method: route.method,
        route: route.template,
        discordMessage: "unreadable success body",
        cause,
      },
      true,
    );
  }
}

/** Sends requests to Discord: bucket waits, one timeout per attempt, classification, retries. */
export class DiscordRest {
  private invalid = 0;

  /** The clock after our own sleeps: an injected sleep may not move `options.now`. */
  private sleptUntil = 0;

  private readonly options: DiscordRestOptions;

  constructor(options: DiscordRestOptions) {
    this.options = options;
  }

  /** 401, 403 and 429 answers seen by this client (Discord bans an IP with too many). */
  get invalidRequests(): number {
    return this.invalid;
  }

  private now(): number {
    return Math.max(this.options.now(), this.sleptUntil);
  }

  private async sleep(ms: number): Promise<void> {
    const until = this.now() + ms;
    await this.options.sleep(ms);
    this.sleptUntil = Math.max(this.sleptUntil, until);
  }

  async request<T>(request: OutgoingRequest, call: CallOptions = {}): Promise<T> {
    const { maxRetries, backoff, random, logger } = this.options;
    const maxWaitMs = call.maxWaitMs ?? this.options.maxWaitMs;
    const route = request.route;
    for (let attempt = 0; ; attempt++) {
      const probe = await this.passGate(route, maxWaitMs);
      await this.waitForBucket(route, maxWaitMs);
      try {
        return await this.send<T>(request, probe);
      } catch (error) {
        if (!this.mayRetry(error, call) || attempt >= maxRetries) throw error;
        const delayMs = retryDelayOrCapMs(error, attempt, backoff, random);
        if (delayMs > maxWaitMs) throw error;
        logger.warn("discord.retry", {
          method: route.method,
          route: route.template,
          attempt: attempt + 1,
          delayMs,
          error,
        });
        await this.sleep(delayMs);
      }
    }
  }

  private mayRetry(error: unknown, call: CallOptions): error is RateLimitedError | TransientError {
    if (error instanceof RateLimitedError) return true;
    return error instanceof TransientError && call.safeToRetry === true;
  }

  /**
   * Asks the bot gate before a bot-token call; waits when the wait is short, otherwise throws
   * GateClosedError without sending. Returns whether this call is the gate's probe.
   */
  private async passGate(route: Route, maxWaitMs: number): Promise<boolean> {
    const gate = this.options.gate;
    if (!gate || !routeUsesGate(route)) return false;
    const request = {
      maxWaitMs: this.options.maxGateWaitMs ?? maxWaitMs,
      priority: this.options.gatePriority ?? "result",
    };
    for (let turn = 0; turn < MAX_BUCKET_WAITS; turn++) {
      const admission = await gate.admit(request);
      if (admission.waitMs <= 0) return admission.probe;
      if (admission.booked) {
        await this.sleep(admission.waitMs);
        return false;
      }
      if (admission.waitMs > request.maxWaitMs) {
        throw new GateClosedError(
          {
            status: 0,
            method: route.method,
            route: route.template,
            discordMessage: admission.reason
              ? `bot gate closed (${admission.reason}); request not sent`
              : "bot global request budget spent; request not sent",
          },
          admission.waitMs,
          admission.reason,
        );
      }
      await this.sleep(admission.waitMs);
    }
    return false;
  }

  /** Tells the gate what a gated call's answer means for every other bot-token call. */
  private async reportToGate(route: Route, probe: boolean, error: unknown): Promise<void> {
    const gate = this.options.gate;
    if (!gate || !routeUsesGate(route)) return;
    const closure = error === null ? null : gateClosureFor(error);
    if (closure) await gate.close(closure);
    else if (probe) await gate.reopen();
  }

  /** Never sends a request the last headers already said would be rate limited. */
  private async waitForBucket(route: Route, maxWaitMs: number): Promise<void> {
    if (routeSkipsBuckets(route)) return;
    const key = bucketKeyFor(route);
    for (let turn = 0; turn < MAX_BUCKET_WAITS; turn++) {
      const waitMs = await this.options.rateLimitState.acquire(key, this.now());
      if (waitMs <= 0) return;
      if (waitMs > maxWaitMs) throw this.notSent(route, waitMs);
      this.options.logger.debug("discord.bucket_wait", { route: route.template, waitMs });
      await this.sleep(waitMs);
    }
    throw this.notSent(route, 0);
  }

  private notSent(route: Route, waitMs: number): RateLimitedError {
    return new RateLimitedError(
      {
        status: 0,
        method: route.method,
        route: route.template,
        discordMessage: `rate limit bucket exhausted for ${waitMs} ms; request not sent`,
      },
      { retryAfterMs: waitMs, global: false },
    );
  }

  private async send<T>(request: OutgoingRequest, probe = false): Promise<T> {
    const { apiBase, botToken, timeoutMs, rateLimitState } = this.options;
    const route = request.route;
    const signal = AbortSignal.timeout(timeoutMs);
    const { url, init } = buildRequestInit(apiBase, botToken, request, signal);
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, init);
      text = await response.text();
    } catch (cause) {
      this.options.onResponse?.(0);
      throw classifyFetchFailure(route, cause, signal.aborted);
    }
    this.options.onResponse?.(response.status);
    const receivedAt = this.now();
    if (!routeSkipsBuckets(route)) {
      await rateLimitState.update(
        bucketKeyFor(route),
        parseRateLimitHeaders(response.headers),
        receivedAt,
      );
    }
    if (response.ok) {
      await this.reportToGate(route, probe, null);
      return parseSuccess<T>(route, response.status, text);
    }

    if (isInvalidRequest(response.status, response.headers)) this.invalid++;
    const error = classifyResponse(route, response.status, response.headers, parseErrorBody(text));
    if (error instanceof RateLimitedError && error.global) {
      await rateLimitState.blockGlobally(receivedAt + error.retryAfterMs);
    }
    await this.reportToGate(route, probe, error);
    this.logFailure(error, request);
    throw error;
  }

  private logFailure(error: DiscordApiError, request: OutgoingRequest): void {
    const { logger } = this.options;
    const fields = {
      method: error.method,
      route: error.route,
      status: error.status,
      code: error.code,
    };
    if (error instanceof FatalError && error.reason === "invalid_body") {
      // Our bug: the body shows what we sent. Tokens live in the path, which is not logged.
      logger.error("discord.invalid_body", {
        ...fields,
        errors: error.errors,
        body: JSON.stringify(request.body ?? null).slice(0, LOGGED_BODY_CHARS),
        files: (request.files ?? []).map((f) => ({ name: f.name, size: f.data.length })),
      });
    } else if (error instanceof FatalError || error instanceof CloudflareBanError) {
      logger.error("discord.fatal", { ...fields, error });
    }
  }
}
