// Everything the emulated Discord remembers. Shared by all tests: nothing here is ever reset.
import type { ChannelAccess, MessageSource } from "./contract-types.ts";
import { ChannelIndex } from "./history/channel-index.ts";
import type { SeededMessageRef } from "./history/seeded-history.ts";
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

/** A thread's `thread_metadata` and counters. */
export type ThreadInfo = {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
};

/** A guild channel or thread the emulator was told about (seeded); others are made up on read. */
export type ChannelRecord = {
  id: string;
  type: number;
  name: string;
  guildId: string;
  parentId: string | null;
  topic: string | null;
  thread: ThreadInfo | null;
};

export type GuildRecord = { id: string; name: string; icon: string | null };

export class EmulatorState {
  readonly nextId = createSnowflakeSource();
  /** Messages posted through the API (seeded history lives in `seeded`); use storeMessage. */
  readonly messages = new Map<string, StoredMessage>();
  /** Every channel's message ids (posted and seeded) in order. */
  readonly history = new ChannelIndex();
  /** Seeded messages by id, generated on read from their history's seed. */
  readonly seeded = new Map<string, SeededMessageRef>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  /** What the bot may do per channel (setChannelAccess); threads inherit their parent's. */
  readonly access = new Map<string, ChannelAccess>();
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
    return (
      this.channels.get(channelId)?.guildId ?? this.channelGuilds.get(channelId) ?? DEFAULT_GUILD_ID
    );
  }

  /** Stores a new or edited message and keeps its channel's index. */
  storeMessage(message: StoredMessage): StoredMessage {
    this.messages.set(message.id, message);
    this.history.add(message.channel_id, message.id);
    return message;
  }

  /** Deletes a posted or seeded message. */
  removeMessage(channelId: string, id: string): void {
    this.messages.delete(id);
    this.seeded.delete(id);
    this.history.remove(channelId, id);
  }

  /** True when no message, seeded message or channel has this id. */
  isFreeId(id: string): boolean {
    return !this.messages.has(id) && !this.seeded.has(id) && !this.channels.has(id);
  }
}

export function userFor(id: string): UserRecord {
  return { id, username: `user-${id}`, bot: false };
}
