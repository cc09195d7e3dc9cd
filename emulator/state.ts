// Everything the emulated Discord remembers. Shared by all tests: nothing here is ever reset.
import type { MessageSource } from "./contract-types.ts";
import type { JsonObject } from "./json.ts";
import { createSnowflakeSource } from "./snowflake.ts";

/** The application as GET /applications/@me shows it: what PATCH may change. */
export type ApplicationProfile = {
  interactionsEndpointUrl: string | null;
  installTypes: ReadonlySet<number>;
};

export const DEFAULT_GUILD_ID = "200000000000000001";

export type StoredAuthor = { id: string; username: string; bot: boolean };

export type StoredAttachment = {
  id: string;
  filename: string;
  size: number;
  content_type: string | null;
  description?: string;
  /** Emulator only: hex SHA-256 of the uploaded bytes. */
  sha256: string;
};

export type StoredMessage = {
  id: string;
  type: number;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: StoredAttachment[];
  flags: number;
  tts: boolean;
  webhook_id?: string;
  application_id?: string;
  nonce?: string | number;
  author: StoredAuthor;
  timestamp: string;
  edited_timestamp: string | null;
  edits: number;
  source: MessageSource;
  interaction_token?: string;
};

export type InteractionRecord = {
  id: string;
  token: string;
  applicationId: string;
  channelId: string;
  guildId: string | null;
  userId: string;
  type: number;
  createdAt: number;
  expiresAt: number;
  /** Until then an unacknowledged interaction accepts its callback (Discord: 3 s). */
  respondBy: number;
  acknowledged: boolean;
  originalMessageId: string | null;
  /** The message a component interaction came from (type 7 edits it). */
  sourceMessageId: string | null;
  /** The interaction's `attachment_size_limit`: the largest file its replies may carry. */
  attachmentSizeLimit: number;
};

export type ChannelWebhook = {
  id: string;
  token: string;
  channelId: string;
  guildId: string;
  name: string;
  avatar: string | null;
  applicationId: string;
};

export type UserRecord = { id: string; username: string; bot: boolean };

export type DmChannel = { id: string; recipient: UserRecord };

export class EmulatorState {
  readonly nextId = createSnowflakeSource();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly webhooks = new Map<string, ChannelWebhook>();
  readonly deletedWebhooks = new Set<string>();
  readonly dmChannels = new Map<string, DmChannel>();
  readonly dmChannelByRecipient = new Map<string, string>();
  /** `${channelId}:${nonce}` → id of the first message posted with it. */
  readonly nonces = new Map<string, string>();
  /** "global" or a guild id → commands by id. */
  readonly commands = new Map<string, Map<string, JsonObject>>();
  /** Guild of channels seen in interactions. */
  readonly channelGuilds = new Map<string, string>();
  readonly botUser: UserRecord;
  /** The application's endpoint URL and install types (GET/PATCH /applications/@me). */
  readonly profile: ApplicationProfile;

  constructor(applicationId: string, installTypes: readonly number[]) {
    this.botUser = { id: applicationId, username: "Emulated Bot", bot: true };
    this.profile = { interactionsEndpointUrl: null, installTypes: new Set(installTypes) };
  }

  guildOf(channelId: string): string {
    return this.channelGuilds.get(channelId) ?? DEFAULT_GUILD_ID;
  }

  messagesIn(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }
}

export function userFor(id: string): UserRecord {
  return { id, username: `user-${id}`, bot: false };
}
