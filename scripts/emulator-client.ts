// A typed Node client of the Discord emulator's control API (docs/emulator-contract.md), for the
// sandbox, the benchmark and the soak.
import type {
  ChannelAccess,
  EmulatedMessage,
  EmulatorStats,
  FaultSpec,
  InteractionTokenRequest,
  InteractionTokenResponse,
  RateLimitSpec,
  RecordedRequest,
  SeedHistoryRequest,
  SeedHistoryResponse,
  SendInteractionRequest,
  SendInteractionResponse,
} from "../emulator/contract-types.ts";

export type { EmulatedMessage, RecordedRequest, SendInteractionResponse };

export interface EmulatorClient {
  origin: string;
  sendInteraction(request: SendInteractionRequest): Promise<SendInteractionResponse>;
  createInteractionToken(request: InteractionTokenRequest): Promise<InteractionTokenResponse>;
  expireToken(token: string): Promise<{ ok: true }>;
  sign(body: string): Promise<{ signature: string; timestamp: string }>;
  messages(filter?: { channelId?: string; token?: string }): Promise<EmulatedMessage[]>;
  /** Requests whose path contains `match`, after sequence number `since`. */
  requests(match?: string, since?: number): Promise<RecordedRequest[]>;
  stats(): Promise<EmulatorStats>;
  injectFault(spec: FaultSpec): Promise<{ id: string }>;
  setRateLimit(spec: RateLimitSpec): Promise<{ ok: true }>;
  clearRateLimit(match: string): Promise<{ removed: number }>;
  /** Fills a channel with deterministic history (docs/emulator-contract.md, "Channel history"). */
  seedHistory(channelId: string, request: SeedHistoryRequest): Promise<SeedHistoryResponse>;
  setChannelAccess(channelId: string, access: Partial<ChannelAccess>): Promise<ChannelAccess>;
  /** Message ids of the channel after `after` (≤ 10,000), oldest first, without rate limits. */
  historyIds(channelId: string, after?: string): Promise<string[]>;
}

export function emulatorClient(origin: string): EmulatorClient {
  async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${origin}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator ${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) search.set(key, String(value));
    const text = search.toString();
    return text ? `?${text}` : "";
  };
  return {
    origin,
    sendInteraction: (request) => control("POST", "/send-interaction", request),
    createInteractionToken: (request) => control("POST", "/interaction-tokens", request),
    expireToken: (token) =>
      control("POST", `/interaction-tokens/${encodeURIComponent(token)}/expire`),
    sign: (body) => control("POST", "/sign", { body }),
    messages: async (filter = {}) =>
      (
        await control<{ messages: EmulatedMessage[] }>(
          "GET",
          `/messages${query({ channel_id: filter.channelId, token: filter.token })}`,
        )
      ).messages,
    requests: async (match, since) =>
      (await control<{ requests: RecordedRequest[] }>("GET", `/requests${query({ match, since })}`))
        .requests,
    stats: () => control("GET", "/stats"),
    injectFault: (spec) => control("POST", "/faults", spec),
    setRateLimit: (spec) => control("POST", "/rate-limits", spec),
    clearRateLimit: (match) => control("DELETE", `/rate-limits${query({ match })}`),
    seedHistory: (channelId, request) => control("POST", `/history/${channelId}`, request),
    setChannelAccess: (channelId, access) =>
      control("POST", `/channel-access/${channelId}`, access),
    historyIds: async (channelId, after) =>
      (
        await control<{ ids: string[] }>(
          "GET",
          `/history/${channelId}${query({ after, limit: 10_000, ids_only: 1 })}`,
        )
      ).ids,
  };
}
