import { CloudflareBanError, FatalError, type GateReason, RateLimitedError } from "./errors.ts";
import type { Route } from "./routes.ts";

/**
 * Results, warnings and handoffs go before progress edits when the budget is short; bulk reads
 * (a stage paging through history) take only a small share, so they never crowd the others out.
 */
export type GatePriority = "result" | "progress" | "bulk";

/** What a caller tells the gate: how long it can wait here, and what it sends. */
export interface GateRequest {
  maxWaitMs: number;
  priority: GatePriority;
}

/** What the gate answers before a bot-token call: send now (maybe as the probe), or wait. */
export interface GateAdmission {
  waitMs: number;
  /** A budget slot is held for this call: send after `waitMs` without asking again. */
  booked?: boolean;
  /** The gate was closed; this one call tests whether Discord takes our calls again. */
  probe: boolean;
  /** Set while the gate is closed (not when the global budget alone makes the call wait). */
  reason?: GateReason;
}

export interface GateClosure {
  reason: GateReason;
  /** Discord's own wait for a 429; undefined when Discord gave none (ban, bad token). */
  retryAfterMs?: number;
}

/**
 * The one gate every bot-token call passes (implemented by the BotGate Durable Object). The REST
 * client asks before sending and reports the answers that must stop the whole bot.
 */
export interface BotGatePort {
  admit(request: GateRequest): Promise<GateAdmission>;
  close(closure: GateClosure): Promise<void>;
  /** The probe got an answer that proves Discord takes our calls again. */
  reopen(): Promise<void>;
}

/**
 * Routes behind the gate: the bot token's routes and the bot's channel webhooks (a ban is per IP
 * and the global limit counts them). Interaction-token routes are not bot-limited: outside.
 */
export function routeUsesGate(route: Route): boolean {
  return route.kind !== "interaction";
}

/** The answers that must stop every bot-token call, not just move this one to another rung. */
export function gateClosureFor(error: unknown): GateClosure | null {
  if (error instanceof CloudflareBanError) return { reason: "cloudflare_ban" };
  if (error instanceof FatalError) {
    if (error.reason === "bad_bot_token") return { reason: "bad_bot_token" };
    // 40333: Cloudflare refuses our requests; like a ban, retrying soon cannot help.
    if (error.reason === "blocked_user_agent") return { reason: "cloudflare_ban" };
    return null;
  }
  if (error instanceof RateLimitedError && error.status === 429) {
    if (error.global || error.scope === "global")
      return { reason: "global_rate_limit", retryAfterMs: error.retryAfterMs };
    if (error.scope === "shared")
      return { reason: "shared_rate_limit", retryAfterMs: error.retryAfterMs };
  }
  return null;
}
