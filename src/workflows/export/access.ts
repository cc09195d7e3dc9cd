import { hasPermission, Permission } from "../../discord/constants.ts";
import type { CommandInvocation } from "../../workflow/definition.ts";
import { EXPORTABLE_TYPES } from "./channel-kinds.ts";

const CHANNEL_KINDS = "a text or announcement channel, a forum, or a thread";

/** Both rights an export of a channel needs, read from Discord's permission bit string. */
export function mayReadHistory(permissions: string | null): boolean {
  return (
    hasPermission(permissions, Permission.ViewChannel) &&
    hasPermission(permissions, Permission.ReadMessageHistory)
  );
}

/**
 * Why this member (or the bot, where Discord told us its rights) may not export `channelId`;
 * null when they may. The member's rights come from the resolved channel (a channel option) or
 * from `member.permissions` (the channel the command ran in). A Run again names a channel that
 * may not be where the button was pressed: its rights were checked at the first start, and only
 * the same owner can press it, so an unknown answer passes there (and nowhere else).
 */
export function checkAccess(channelId: string, invocation: CommandInvocation): string | null {
  if (!invocation.guildId) return "`/export` works in server channels, not in direct messages.";
  const resolved = invocation.resolvedChannels[channelId];
  const here = channelId === invocation.channelId;
  const type = resolved?.type ?? (here ? invocation.channelType : null);
  if (type !== null && !EXPORTABLE_TYPES.includes(type))
    return `I can export ${CHANNEL_KINDS}; that channel is none of these.`;
  const memberRights = resolved?.permissions ?? (here ? invocation.memberPermissions : null);
  if (memberRights === null) {
    if (invocation.rerun) return null;
    return "I can't tell whether you may read that channel's history, so I won't export it.";
  }
  if (!mayReadHistory(memberRights))
    return "You can export only channels whose history you can read (View Channel and Read Message History). Nothing was started.";
  if (here && invocation.appPermissions && !mayReadHistory(invocation.appPermissions))
    return "I can't read this channel's history: give me (the bot) **View Channel** and **Read Message History** here, then run it again. Nothing was started.";
  return null;
}
