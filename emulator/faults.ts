// Injected failures, each answered with the status and body Discord really sends.
import type { FaultKind, FaultSpec } from "./contract-types.ts";
import {
  cannotMessageUser,
  invalidWebhookToken,
  missingAccess,
  missingPermissions,
  noMutualGuilds,
  unauthorized,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from "./discord-errors.ts";
import { invalidFormBody, maxLength } from "./form-errors.ts";
import { type ApiResponse, jsonResponse, withHeaders } from "./http-types.ts";
import { isObject } from "./json.ts";
import { cloudflareBan, cloudflareRateLimitPage, tooManyRequests } from "./rate-limits.ts";

const KINDS: readonly FaultKind[] = [
  "rate_limit",
  "server_error",
  "hang",
  "missing_permission",
  "missing_access",
  "dm_closed",
  "no_mutual_guilds",
  "webhook_deleted",
  "cloudflare_ban",
  "unknown_message",
  "token_expired",
  "unknown_interaction",
  "invalid_body",
  "bad_bot_token",
  "cloudflare_1015",
];

type ActiveFault = { id: string; spec: FaultSpec; remaining: number };

export class FaultStore {
  private readonly faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): string {
    const id = `fault-${this.nextId++}`;
    this.faults.push({ id, spec, remaining: spec.times ?? 1 });
    return id;
  }

  /** Removes the faults registered with exactly this `match`. */
  remove(match: string): number {
    const before = this.faults.length;
    this.faults.splice(0, this.faults.length, ...this.faults.filter((f) => f.spec.match !== match));
    return before - this.faults.length;
  }

  /** The first fault matching the request, used up by one hit. */
  take(method: string, path: string, rawBody: () => string): FaultSpec | null {
    const index = this.faults.findIndex(
      ({ spec }) =>
        path.includes(spec.match) &&
        (!spec.method || spec.method === method) &&
        (!spec.bodyMatch || rawBody().includes(spec.bodyMatch)),
    );
    const fault = this.faults[index];
    if (!fault) return null;
    if (fault.remaining > 0 && --fault.remaining === 0) this.faults.splice(index, 1);
    return fault.spec;
  }
}

export function parseFaultSpec(input: unknown): FaultSpec | string {
  if (!isObject(input)) return "a FaultSpec object is required";
  const { match, kind, method, times, retryAfterSeconds, global, scope, status, bodyMatch } = input;
  if (typeof match !== "string" || match === "") return "match must be a non-empty string";
  if (typeof kind !== "string" || !KINDS.includes(kind as FaultKind)) {
    return `kind must be one of ${KINDS.join(", ")}`;
  }
  const spec: FaultSpec = { match, kind: kind as FaultKind };
  if (method !== undefined) {
    if (typeof method !== "string") return "method must be a string";
    spec.method = method.toUpperCase();
  }
  if (times !== undefined) {
    if (!Number.isInteger(times) || (times !== -1 && (times as number) < 1)) {
      return "times must be a positive integer or -1";
    }
    spec.times = times as number;
  }
  if (retryAfterSeconds !== undefined) {
    if (typeof retryAfterSeconds !== "number" || retryAfterSeconds < 0) {
      return "retryAfterSeconds must be a non-negative number";
    }
    spec.retryAfterSeconds = retryAfterSeconds;
  }
  if (global !== undefined) spec.global = global === true;
  if (scope !== undefined) {
    if (scope !== "user" && scope !== "shared") return 'scope must be "user" or "shared"';
    spec.scope = scope;
  }
  if (status !== undefined) {
    if (typeof status !== "number" || !Number.isInteger(status) || status < 500 || status > 599) {
      return "status must be a 5xx status";
    }
    spec.status = status;
  }
  if (bodyMatch !== undefined) {
    if (typeof bodyMatch !== "string") return "bodyMatch must be a string";
    spec.bodyMatch = bodyMatch;
  }
  return spec;
}

/**
 * The answer for a fault; `bucketHeaders` are the request's rate-limit headers. "hang" and
 * "cloudflare_ban" are handled before rate limiting (a ban carries no rate-limit headers).
 */
export function faultResponse(spec: FaultSpec, bucketHeaders: Record<string, string>): ApiResponse {
  switch (spec.kind) {
    case "rate_limit": {
      const retryAfterSeconds = spec.retryAfterSeconds ?? 1;
      return tooManyRequests({
        retryAfterSeconds,
        global: spec.global === true,
        scope: spec.global ? "global" : (spec.scope ?? "user"),
        headers: {
          ...bucketHeaders,
          "X-RateLimit-Remaining": "0",
          "X-RateLimit-Reset-After": retryAfterSeconds.toFixed(3),
          "X-RateLimit-Reset": ((Date.now() + retryAfterSeconds * 1000) / 1000).toFixed(3),
        },
      });
    }
    case "cloudflare_ban":
      return cloudflareBan();
    case "cloudflare_1015":
      return cloudflareRateLimitPage();
    case "server_error":
      return withHeaders(serverError(spec.status ?? 502), bucketHeaders);
    case "hang":
      throw new Error("hang faults never produce a response");
    default:
      return withHeaders(ERROR_BY_KIND[spec.kind](), bucketHeaders);
  }
}

const ERROR_BY_KIND: Record<
  Exclude<FaultKind, "rate_limit" | "cloudflare_ban" | "cloudflare_1015" | "server_error" | "hang">,
  () => ApiResponse
> = {
  missing_permission: missingPermissions,
  missing_access: missingAccess,
  dm_closed: cannotMessageUser,
  no_mutual_guilds: noMutualGuilds,
  webhook_deleted: unknownWebhook,
  unknown_message: unknownMessage,
  unknown_interaction: unknownInteraction,
  token_expired: invalidWebhookToken,
  bad_bot_token: unauthorized,
  invalid_body: () => invalidFormBody({ content: { _errors: [maxLength(2000)] } }),
};

/** What Discord's edge really sends: JSON from the API, HTML or plain text from the proxies. */
function serverError(status: number): ApiResponse {
  switch (status) {
    case 500:
      return jsonResponse(500, { message: "500: Internal Server Error", code: 0 });
    case 503:
      return {
        status,
        text: {
          contentType: "text/plain",
          body: "upstream connect error or disconnect/reset before headers. reset reason: overflow",
        },
      };
    default: {
      const reason = status === 502 ? "Bad Gateway" : status === 504 ? "Gateway Time-out" : "Error";
      const title = `${status} ${reason}`;
      return {
        status,
        text: {
          contentType: "text/html",
          body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>cloudflare</center></body></html>`,
        },
      };
    }
  }
}
