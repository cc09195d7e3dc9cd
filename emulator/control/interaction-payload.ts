// The interaction object Discord would send, filled in around a test's partial one.
import type { Emulator } from "../context.ts";
import { registerInteraction } from "../interactions.ts";
import { isObject, type JsonObject, numberField, objectField, stringField } from "../json.ts";
import { userJson } from "../routes/users.ts";
import type { InteractionRecord } from "../state.ts";
import { userFor } from "../state.ts";

/** Every permission bit Discord currently defines, as the decimal string it sends. */
const ALL_PERMISSIONS = "2251799813685247";

export type BuiltInteraction = { record: InteractionRecord; interaction: JsonObject };

export function buildInteraction(
  emulator: Emulator,
  partial: JsonObject,
  ttlMs?: number,
): BuiltInteraction {
  const partialMember = objectField(partial, "member");
  const partialUser = objectField(partialMember ?? partial, "user");
  // A `user` without a `member` is how Discord marks a DM (or a user-installed context).
  const inGuild = partial.guild_id !== null && !(isObject(partial.user) && !partialMember);
  const type = numberField(partial, "type") ?? 2;
  const record = registerInteraction(emulator, {
    id: stringField(partial, "id"),
    token: stringField(partial, "token"),
    applicationId: stringField(partial, "application_id"),
    channelId:
      stringField(partial, "channel_id") ??
      stringField(objectField(partial, "channel") ?? {}, "id"),
    guildId: inGuild ? (stringField(partial, "guild_id") ?? undefined) : null,
    userId: partialUser ? stringField(partialUser, "id") : undefined,
    type,
    ttlMs,
    sourceMessageId: stringField(objectField(partial, "message") ?? {}, "id") ?? null,
    attachmentSizeLimit: numberField(partial, "attachment_size_limit"),
  });
  const user = { ...userJson(userFor(record.userId)), ...partialUser };
  if (type === 1) {
    const { channel_id: _channel, ...ping } = { ...partial, ...identity(record) };
    return { record, interaction: ping };
  }
  const context: JsonObject = inGuild
    ? {
        guild_id: record.guildId,
        guild: { id: record.guildId, locale: "en-US", features: [] },
        guild_locale: "en-US",
        authorizing_integration_owners: { "0": record.guildId },
        context: 0,
        channel: {
          id: record.channelId,
          type: 0,
          guild_id: record.guildId,
          name: `channel-${record.channelId}`,
        },
      }
    : {
        authorizing_integration_owners: { "1": record.userId },
        context: 1,
        channel: { id: record.channelId, type: 1, recipients: [user] },
      };
  const interaction: JsonObject = {
    app_permissions: ALL_PERMISSIONS,
    attachment_size_limit: record.attachmentSizeLimit,
    entitlements: [],
    locale: "en-US",
    data: defaultData(emulator, type),
    ...context,
    ...partial,
    ...identity(record),
  };
  // After the spread, so a partial member or user is completed rather than taken as is.
  if (inGuild) interaction.member = memberJson(user, partialMember);
  else interaction.user = user;
  return { record, interaction };
}

/** Fields the emulator owns: they must agree with the registered token. */
function identity(record: InteractionRecord): JsonObject {
  return {
    id: record.id,
    application_id: record.applicationId,
    type: record.type,
    token: record.token,
    version: 1,
    channel_id: record.channelId,
  };
}

function memberJson(user: JsonObject, partialMember: JsonObject | undefined): JsonObject {
  return {
    avatar: null,
    communication_disabled_until: null,
    deaf: false,
    flags: 0,
    joined_at: "2024-01-01T00:00:00.000000+00:00",
    mute: false,
    nick: null,
    pending: false,
    permissions: ALL_PERMISSIONS,
    premium_since: null,
    roles: [],
    ...partialMember,
    user,
  };
}

function defaultData(emulator: Emulator, type: number): JsonObject {
  switch (type) {
    case 3:
      return { custom_id: "emulated-button", component_type: 2 };
    case 5:
      return { custom_id: "emulated-modal", components: [] };
    default:
      return { id: emulator.state.nextId(), name: "ping", type: 1, options: [] };
  }
}
