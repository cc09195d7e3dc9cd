// A typed client of the Discord emulator's control API (docs/emulator-contract.md), for tests
// running in workerd. Tests share one emulator: use fresh ids and filter by them.
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import type {
  EmulatedMessage,
  EmulatorStats,
  FaultSpec,
  InteractionTokenRequest,
  InteractionTokenResponse,
  RateLimitSpec,
  RecordedRequest,
  SendInteractionRequest,
  SendInteractionResponse,
} from "../../emulator/contract-types.ts";

export type { EmulatedMessage, FaultSpec, RecordedRequest };

const origin = inject("discordEmulatorOrigin");

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${origin}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

let counter = 0;
/** A snowflake-shaped id no other test uses. */
export function freshId(): string {
  counter = (counter + 1) % 10_000;
  const time = String(Date.now() % 1e10).padStart(10, "0");
  const random = String(Math.floor(Math.random() * 1e4)).padStart(4, "0");
  return `1${time}${random}${String(counter).padStart(4, "0")}`;
}

export const emulator = {
  origin,
  apiBase: env.DISCORD_API_BASE,
  applicationId: env.DISCORD_APPLICATION_ID,
  botToken: env.DISCORD_BOT_TOKEN,
  createInteractionToken: (options: InteractionTokenRequest = {}) =>
    control<InteractionTokenResponse>("POST", "/interaction-tokens", options),
  expireToken: (token: string) =>
    control<{ ok: true }>("POST", `/interaction-tokens/${encodeURIComponent(token)}/expire`),
  sign: (body: string, timestamp?: string) =>
    control<{ signature: string; timestamp: string }>("POST", "/sign", {
      body,
      ...(timestamp ? { timestamp } : {}),
    }),
  sendInteraction: (request: SendInteractionRequest) =>
    control<SendInteractionResponse>("POST", "/send-interaction", request),
  injectFault: (spec: FaultSpec) => control<{ id: string }>("POST", "/faults", spec),
  clearFaults: (match: string) =>
    control<{ removed: number }>("DELETE", `/faults?match=${encodeURIComponent(match)}`),
  setRateLimit: (spec: RateLimitSpec) => control<{ ok: true }>("POST", "/rate-limits", spec),
  requests: async (match: string, since = 0) =>
    (
      await control<{ requests: RecordedRequest[] }>(
        "GET",
        `/requests?match=${encodeURIComponent(match)}${since ? `&since=${since}` : ""}`,
      )
    ).requests,
  messages: async (query: { channelId?: string; token?: string }) => {
    const params = new URLSearchParams();
    if (query.channelId) params.set("channel_id", query.channelId);
    if (query.token) params.set("token", query.token);
    return (await control<{ messages: EmulatedMessage[] }>("GET", `/messages?${params}`)).messages;
  },
  stats: () => control<EmulatorStats>("GET", "/stats"),
};
