// A minimal client of the emulator's control API (docs/emulator-contract.md), local to these tests.
import { env } from "cloudflare:workers";
import type {
  EmulatedMessage,
  EmulatorStats,
  FaultSpec,
  InteractionTokenRequest,
  InteractionTokenResponse,
  RateLimitSpec,
  RecordedRequest,
} from "../../emulator/contract-types.ts";

const origin = env.DISCORD_API_BASE.replace(/\/api\/v10\/?$/, "");

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

export const emulatorControl = {
  createInteractionToken: (options: InteractionTokenRequest = {}) =>
    control<InteractionTokenResponse>("POST", "/interaction-tokens", options),
  expireToken: (token: string) =>
    control<{ ok: true }>("POST", `/interaction-tokens/${encodeURIComponent(token)}/expire`),
  injectFault: (spec: FaultSpec) => control<{ id: string }>("POST", "/faults", spec),
  setRateLimit: (spec: RateLimitSpec) => control<{ ok: true }>("POST", "/rate-limits", spec),
  requests: async (match: string) =>
    (
      await control<{ requests: RecordedRequest[] }>(
        "GET",
        `/requests?match=${encodeURIComponent(match)}`,
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
