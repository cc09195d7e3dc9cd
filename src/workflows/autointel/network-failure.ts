// What a request that got no answer ran into, in words a reader can act on. The runtime's own
// text is rarely that: workerd throws "internal error; reference = …" both for a host name that
// does not resolve and for a TLS handshake that fails, and "Network connection lost." for a
// connection refused or dropped. Other runtimes (and Node, in scripts) use the words matched below.

import { guardedFetch, withDeadline } from "../../net/guarded-fetch.ts";
import type { AutointelConfig } from "./config.ts";

export type NetworkFailure = "unresolved" | "unconnected" | "tls" | "timeout" | "unknown";

const NAMES: Record<NetworkFailure, string> = {
  unresolved: "could not resolve the host name",
  unconnected: "could not connect (connection refused or dropped)",
  tls: "TLS handshake failed",
  timeout: "timed out",
  unknown: "could not be reached",
};

const OPAQUE = /internal error; reference =/i;
const PATTERNS: [RegExp, NetworkFailure][] = [
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo|DNS|resolv|name not known|no address/i, "unresolved"],
  [/certificate|\bTLS\b|\bSSL\b|handshake/i, "tls"],
  [/ECONNREFUSED|ECONNRESET|connection (lost|refused|reset|closed)|socket hang up/i, "unconnected"],
  [/ETIMEDOUT|timed? ?out/i, "timeout"],
];

/** The failure a runtime message describes; "opaque" when the message cannot say. */
export function classifyNetworkMessage(message: string): NetworkFailure | "opaque" {
  if (OPAQUE.test(message)) return "opaque";
  for (const [pattern, failure] of PATTERNS) if (pattern.test(message)) return failure;
  return "unknown";
}

export function describeNetworkFailure(failure: NetworkFailure, timeoutMs: number): string {
  if (failure === "timeout") return `${NAMES.timeout}: no answer within ${timeoutMs / 1000} s`;
  return NAMES[failure];
}

/**
 * Tells the two causes of workerd's opaque error apart. Over plain HTTP there is no handshake, so
 * the name did not resolve. Over HTTPS, one plain-HTTP request to the same host decides: if it
 * too fails opaquely the name does not resolve; if it reaches the host (any answer, or a refused
 * port) the name resolves and the handshake was what failed. One request, only for such failures.
 */
export async function resolveOpaqueFailure(
  url: string,
  config: AutointelConfig,
  signal: AbortSignal,
): Promise<NetworkFailure> {
  const target = new URL(url);
  if (target.protocol !== "https:") return "unresolved";
  const probe = withDeadline(signal, config.fetchTimeoutMs);
  const answer = await guardedFetch(`http://${target.host}/`, {
    method: "HEAD",
    policy: config.policy,
    signal: probe.signal,
    maxRedirects: 0,
  });
  if (answer.kind === "response") {
    await answer.response.body?.cancel();
    return "tls";
  }
  if (answer.kind === "refused" || probe.timedOut()) return "unknown";
  return classifyNetworkMessage(answer.message) === "opaque" ? "unresolved" : "tls";
}

/** A failure's message named without a further request: the runtime's words when they are clear. */
export function nameFailureMessage(message: string): string {
  const failure = classifyNetworkMessage(message);
  if (failure === "opaque") return `${NAMES.unresolved}, or the TLS handshake failed`;
  return failure === "unknown" ? message : NAMES[failure];
}
