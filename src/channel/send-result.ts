import { gateClosureFor } from "../discord/bot-gate-port.ts";
import { GateClosedError } from "../discord/errors.ts";
import { isOutcomeUnknown, isRateLimited, isRetryable } from "../discord/retries.ts";
import type { OutboxResult, OutboxSend } from "./outbox-types.ts";

/** Until the gate says more precisely, a closing answer holds the call this long. */
const GATE_CLOSED_RETRY_MS = 1000;
/** A transient failure is tried again after this long (the caller's backoff grows it). */
const TRANSIENT_RETRY_MS = 1000;

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** What a failed Discord call means for the caller; plain data so it crosses RPC. */
export function outboxResultOf(send: OutboxSend, error: unknown): OutboxResult {
  const reason = describe(error);
  if (error instanceof GateClosedError)
    return { kind: "retry", retryAfterMs: error.retryAfterMs, reason, gateClosed: true };
  const closure = gateClosureFor(error);
  if (closure) {
    const retryAfterMs = closure.retryAfterMs ?? GATE_CLOSED_RETRY_MS;
    return { kind: "retry", retryAfterMs, reason, gateClosed: true };
  }
  // A webhook execute carries no nonce: Discord may have posted it, so it is never repeated.
  if (send.kind === "webhook_post" && isOutcomeUnknown(error)) return { kind: "unknown", reason };
  if (isRateLimited(error))
    return { kind: "retry", retryAfterMs: error.retryAfterMs, reason, gateClosed: false };
  if (isRetryable(error))
    return { kind: "retry", retryAfterMs: TRANSIENT_RETRY_MS, reason, gateClosed: false };
  const code = (error as { code?: number }).code;
  return { kind: "impossible", reason, ...(code === undefined ? {} : { code }) };
}
