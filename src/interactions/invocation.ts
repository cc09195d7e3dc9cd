import type { APIInteraction, APIInteractionDataResolvedChannel } from "discord-api-types/v10";
import type { CommandInvocation, InvocationChannel } from "../workflow/definition.ts";
import { invokingUser } from "./options.ts";

function invocationChannel(channel: APIInteractionDataResolvedChannel): InvocationChannel {
  const parent = "parent_id" in channel ? channel.parent_id : null;
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name ?? null,
    permissions: channel.permissions ?? null,
    parentId: parent ?? null,
  };
}

function resolvedChannels(interaction: APIInteraction): Record<string, InvocationChannel> {
  const data = "data" in interaction ? interaction.data : undefined;
  const resolved = data && "resolved" in data ? data.resolved : undefined;
  const channels = resolved && "channels" in resolved ? resolved.channels : undefined;
  const out: Record<string, InvocationChannel> = {};
  for (const [id, channel] of Object.entries(channels ?? {})) out[id] = invocationChannel(channel);
  return out;
}

/** What a kind's `parseOptions` learns about who ran its command (or a Run again) and where. */
export function invocationOf(interaction: APIInteraction, rerun = false): CommandInvocation {
  return {
    userId: invokingUser(interaction)?.id ?? "",
    guildId: interaction.guild_id ?? null,
    channelId: interaction.channel?.id ?? interaction.channel_id ?? null,
    channelType: interaction.channel?.type ?? null,
    memberPermissions: interaction.member?.permissions ?? null,
    appPermissions: interaction.app_permissions ?? null,
    resolvedChannels: rerun ? {} : resolvedChannels(interaction),
    rerun,
  };
}
