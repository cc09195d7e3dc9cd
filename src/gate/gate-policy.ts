import type { GateAdmission, GateClosure } from "../discord/bot-gate-port.ts";
import type { GateReason } from "../discord/errors.ts";
import type { GateConfig } from "./gate-config.ts";

/** The gate's durable state: plain data, stored as one row by the BotGate object. */
export interface GateState {
  reason: GateReason | null;
  closedAt: number;
  /** No call goes out before this instant (epoch ms). */
  reopensAt: number;
  /** Closures in a row without a successful probe: each doubles the next closed period. */
  closures: number;
  /** While a probe is out, other calls wait until this instant (then another may probe). */
  probeUntil: number;
}

export const OPEN_GATE: GateState = {
  reason: null,
  closedAt: 0,
  reopensAt: 0,
  closures: 0,
  probeUntil: 0,
};

/** How soon a call held behind an outstanding probe asks again. */
const PROBE_POLL_MS = 250;

/** A 429 says how long; a ban or a bad token gives no hint: they reopen only through a probe. */
function needsProbe(reason: GateReason): boolean {
  return reason === "cloudflare_ban" || reason === "bad_bot_token";
}

function closedPeriodMs(closure: GateClosure, closures: number, config: GateConfig): number {
  if (closure.reason === "global_rate_limit" || closure.reason === "shared_rate_limit") {
    return Math.max(closure.retryAfterMs ?? 1000, 1);
  }
  const base = closure.reason === "cloudflare_ban" ? config.banPauseMs : config.badTokenPauseMs;
  return Math.min(base * 2 ** Math.min(closures, 10), config.maxPauseMs);
}

/** Closing again while closed only ever moves the reopening later. */
export function closeGate(
  state: GateState,
  closure: GateClosure,
  now: number,
  config: GateConfig,
): GateState {
  const closures = needsProbe(closure.reason) ? state.closures + 1 : state.closures;
  const until = now + closedPeriodMs(closure, state.closures, config);
  return {
    reason: closure.reason,
    closedAt: state.reason === null ? now : state.closedAt,
    reopensAt: Math.max(state.reason === null ? 0 : state.reopensAt, until),
    closures,
    probeUntil: 0,
  };
}

/**
 * Whether a call may go out now. A 429 closure simply ends; a ban or bad token lets exactly one
 * probe out and holds every other call until the probe's answer (or its timeout).
 */
export function admitThroughGate(
  state: GateState,
  now: number,
  config: GateConfig,
): { admission: GateAdmission; next: GateState } {
  if (state.reason === null) return { admission: { waitMs: 0, probe: false }, next: state };
  const reason = state.reason;
  if (now < state.reopensAt) {
    return { admission: { waitMs: state.reopensAt - now, probe: false, reason }, next: state };
  }
  if (!needsProbe(reason)) return { admission: { waitMs: 0, probe: false }, next: OPEN_GATE };
  if (now < state.probeUntil) {
    // The probe's answer usually comes in milliseconds: look again soon, not at its timeout.
    const waitMs = Math.min(state.probeUntil - now, PROBE_POLL_MS);
    return { admission: { waitMs, probe: false, reason }, next: state };
  }
  return {
    admission: { waitMs: 0, probe: true, reason },
    next: { ...state, probeUntil: now + config.probeTimeoutMs },
  };
}
