// The Discord client's public surface; callers import from here, not from its parts.

export type {
  ChannelMessage,
  ChannelMessageEdit,
  FollowupMessage,
  InteractionResponse,
  MessageBody,
  MessageEdit,
  WebhookMessage,
} from "./client.ts";
export { DiscordClient } from "./client.ts";
export { createDiscordClient, type DiscordEnv, discordOptionsFromEnv } from "./create-client.ts";
export * from "./errors.ts";
export { MemoryRateLimitState, type RateLimitState } from "./rate-limit-state.ts";
export { type FileAttachment, USER_AGENT } from "./request.ts";
export type { CallOptions, DiscordRestOptions } from "./rest.ts";
export * from "./retries.ts";
