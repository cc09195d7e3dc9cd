// A typed client of the Discord emulator's control API (docs/emulator-contract.md), for tests
// running in workerd. Tests share one emulator: use freshId() and filter by your own ids.
import type { APIMessage } from "discord-api-types/v10";
import { inject } from "vitest";
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
} from "../../emulator/contract-types.ts";

export type {
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
};

const DISCORD_EPOCH_MS = 1_420_070_400_000n;
let idCounter = 0;
const isolateBits = BigInt(crypto.getRandomValues(new Uint16Array(1))[0] ?? 0) & 0x3ffn;

/**
 * A unique snowflake-like id. The clock can stand still inside workerd, and several test files
 * run in separate isolates, so a counter and random per-isolate bits keep ids apart.
 */
export function freshId(): string {
  const time = BigInt(Date.now()) - DISCORD_EPOCH_MS;
  idCounter = (idCounter + 1) & 0xfff;
  return ((time << 22n) | (isolateBits << 12n) | BigInt(idCounter)).toString();
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${inject("discordEmulatorOrigin")}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const emulator = {
  get origin(): string {
    return inject("discordEmulatorOrigin");
  },
  get apiBase(): string {
    return inject("discordApiBase");
  },
  get applicationId(): string {
    return inject("discordApplicationId");
  },
  get botToken(): string {
    return inject("discordBotToken");
  },
  get publicKeyHex(): string {
    return inject("discordPublicKey");
  },

  /** A Discord API call as the bot (`Authorization: Bot …` unless `init.headers` says otherwise). */
  api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bot ${this.botToken}`);
    if (json !== undefined) headers.set("content-type", "application/json");
    return fetch(`${this.apiBase}${path}`, {
      ...rest,
      headers,
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  },

  /** An interaction token whose `@original` is already deferred (unless `deferred: false`). */
  createInteractionToken(options: InteractionTokenRequest = {}): Promise<InteractionTokenResponse> {
    return control("POST", "/interaction-tokens", options);
  },
  expireToken(token: string): Promise<{ ok: true }> {
    return control("POST", `/interaction-tokens/${encodeURIComponent(token)}/expire`);
  },
  sign(body: string, timestamp?: string): Promise<{ signature: string; timestamp: string }> {
    return control("POST", "/sign", { body, timestamp });
  },
  sendInteraction(request: SendInteractionRequest): Promise<SendInteractionResponse> {
    return control("POST", "/send-interaction", request);
  },
  /** The emulator's own signature-checking test bot; see emulator/control/echo-bot.ts. */
  echoBotUrl(
    options: {
      type?: number;
      status?: number;
      delayMs?: number;
      content?: string;
      includeInteraction?: boolean;
      /** Answer as multipart with one file of this many bytes. */
      fileBytes?: number;
    } = {},
  ): string {
    const { type, status, delayMs, content, includeInteraction, fileBytes } = options;
    const params = {
      type,
      status,
      delay_ms: delayMs,
      content,
      include_interaction: includeInteraction ? 1 : undefined,
      file_bytes: fileBytes,
    };
    return `${this.origin}/_emulator/echo-bot${query(params)}`;
  },
  injectFault(spec: FaultSpec): Promise<{ id: string }> {
    return control("POST", "/faults", spec);
  },
  /** Removes the faults registered with exactly this `match`. */
  clearFaults(match: string): Promise<{ removed: number }> {
    return control("DELETE", `/faults${query({ match })}`);
  },
  setRateLimit(spec: RateLimitSpec): Promise<{ ok: true }> {
    return control("POST", "/rate-limits", spec);
  },
  clearRateLimit(match: string): Promise<{ removed: number }> {
    return control("DELETE", `/rate-limits${query({ match })}`);
  },
  /** Requests whose path contains `match`, after sequence number `since`. */
  async requests(match?: string, since?: number): Promise<RecordedRequest[]> {
    return (
      await control<{ requests: RecordedRequest[] }>("GET", `/requests${query({ match, since })}`)
    ).requests;
  },
  async messages(
    filter: { channelId?: string; token?: string; webhookId?: string } = {},
  ): Promise<EmulatedMessage[]> {
    const params = {
      channel_id: filter.channelId,
      token: filter.token,
      webhook_id: filter.webhookId,
    };
    return (await control<{ messages: EmulatedMessage[] }>("GET", `/messages${query(params)}`))
      .messages;
  },
  /** Channel webhooks that exist now (a deleted one is gone). */
  async webhooks(channelId: string): Promise<{ id: string; channel_id: string; name: string }[]> {
    return (
      await control<{ webhooks: { id: string; channel_id: string; name: string }[] }>(
        "GET",
        `/webhooks${query({ channel_id: channelId })}`,
      )
    ).webhooks;
  },
  stats(): Promise<EmulatorStats> {
    return control("GET", "/stats");
  },
  /**
   * Fills `channelId` with `count` realistic messages (and `threads` threads), deterministic from
   * `seed`; ids grow with their timestamps, spread over `spanMs` up to `endAt`.
   */
  seedHistory(
    channelId: string,
    options: Omit<SeedHistoryRequest, "endAt"> & { endAt?: number | string | Date },
  ): Promise<SeedHistoryResponse> {
    const endAt = options.endAt instanceof Date ? options.endAt.getTime() : options.endAt;
    return control("POST", `/history/${channelId}`, { ...options, endAt });
  },
  /** What the bot may do in a channel (and its threads); unset fields keep their value. */
  setChannelAccess(channelId: string, access: Partial<ChannelAccess>): Promise<ChannelAccess> {
    return control("POST", `/channel-access/${channelId}`, access);
  },
  /**
   * The channel's messages oldest first (after `after`, up to `limit` ≤ 10,000), as Discord
   * stores them: no access rules, no Message Content blanking, no rate limit.
   */
  history(
    channelId: string,
    options: { after?: string; limit?: number } = {},
  ): Promise<{ messages: APIMessage[]; total: number }> {
    return control("GET", `/history/${channelId}${query(options)}`);
  },
};
