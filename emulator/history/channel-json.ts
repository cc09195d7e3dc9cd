// Channels, threads and guilds as Discord's GET routes show them.
import type { JsonObject } from "../json.ts";
import type { ChannelRecord, EmulatorState, GuildRecord } from "../state.ts";

/** A channel the emulator knows (seeded, or a thread), or a made-up text channel. */
export function channelJson(state: EmulatorState, id: string): JsonObject {
  const record: ChannelRecord = state.channels.get(id) ?? {
    id,
    type: 0,
    name: `channel-${id}`,
    guildId: state.guildOf(id),
    parentId: null,
    topic: null,
    thread: null,
  };
  const json: JsonObject = {
    id,
    type: record.type,
    guild_id: record.guildId,
    name: record.name,
    last_message_id: state.history.newest(id),
    rate_limit_per_user: 0,
    parent_id: record.parentId,
    flags: 0,
  };
  if (!record.thread) {
    return {
      ...json,
      position: 0,
      permission_overwrites: [],
      topic: record.topic,
      nsfw: false,
    };
  }
  const { thread } = record;
  const count = state.history.count(id);
  return {
    ...json,
    owner_id: thread.ownerId,
    message_count: count,
    member_count: 2,
    total_message_sent: count,
    thread_metadata: {
      archived: thread.archived,
      archive_timestamp: thread.archiveTimestamp,
      auto_archive_duration: thread.autoArchiveDuration,
      locked: thread.locked,
      create_timestamp: thread.createTimestamp,
    },
  };
}

export function guildJson(state: EmulatorState, id: string): JsonObject {
  const guild: GuildRecord = state.guilds.get(id) ?? { id, name: `guild-${id}`, icon: null };
  return {
    id: guild.id,
    name: guild.name,
    icon: guild.icon,
    owner_id: "300000000000000001",
    features: [],
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [],
    emojis: [],
    mfa_level: 0,
    premium_tier: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
  };
}
