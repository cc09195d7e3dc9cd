import { hasPermission, Permission } from "../../discord/constants.ts";
import { type TextRef, textRef } from "../../i18n/text-ref.ts";
import type { CommandInvocation } from "../../workflow/definition.ts";
import { EXPORTABLE_TYPES } from "./channel-kinds.ts";

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
export function checkAccess(channelId: string, invocation: CommandInvocation): TextRef | null {
  if (!invocation.guildId) return textRef("exporting.access.dm");
  const resolved = invocation.resolvedChannels[channelId];
  const here = channelId === invocation.channelId;
  const type = resolved?.type ?? (here ? invocation.channelType : null);
  if (type !== null && !EXPORTABLE_TYPES.includes(type)) return textRef("exporting.access.kind");
  const memberRights = resolved?.permissions ?? (here ? invocation.memberPermissions : null);
  if (memberRights === null) {
    if (invocation.rerun) return null;
    return textRef("exporting.access.unknown");
  }
  if (!mayReadHistory(memberRights)) return textRef("exporting.access.member");
  if (here && invocation.appPermissions && !mayReadHistory(invocation.appPermissions))
    return textRef("exporting.access.bot");
  return null;
}
