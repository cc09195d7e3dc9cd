import type { APIInteraction } from "discord-api-types/v10";
import { hasPermission, Permission } from "../discord/constants.ts";

/** Interaction `context`: where the command was used. */
const CONTEXT_GUILD = 0;
const CONTEXT_BOT_DM = 1;
/** `authorizing_integration_owners` key of a guild install (the bot is in the guild). */
const GUILD_INSTALL = "0";

/**
 * Which rungs past the interaction token can work for this workflow, read from what the
 * interaction says at start, so no rung is learned from a 403. This is the one answer to "can
 * the bot post here?": the start refusal and the tracker's start notice read it too. Unknown (no app_permissions, as
 * from older clients) counts as possible: Discord's answer then decides, as before.
 */
export interface RoutePlan {
  /** A channel webhook made with the bot token (needs Manage Webhooks). */
  webhook: boolean;
  /** A bot message in the channel (needs Send Messages), or in the DM with the bot. */
  channel: boolean;
  /**
   * The interaction's `attachment_size_limit`: the largest file the result may attach on the
   * token rung (absent in plans stored before: Discord's default then).
   */
  attachmentSizeLimit?: number;
}

export const ANY_ROUTE: RoutePlan = { webhook: true, channel: true };

type PlannedInteraction = Partial<
  Pick<
    APIInteraction,
    "app_permissions" | "context" | "authorizing_integration_owners" | "channel_id" | "channel"
  >
>;

export function planRoutes(interaction: PlannedInteraction): RoutePlan {
  const channelId = interaction.channel?.id ?? interaction.channel_id;
  if (!channelId) return { webhook: false, channel: false };
  const context = interaction.context ?? CONTEXT_GUILD;
  // The bot's own DM: bot messages work, webhooks do not exist there.
  if (context === CONTEXT_BOT_DM) return { webhook: false, channel: true };
  // A DM or group DM between users (user install): the bot cannot post there at all.
  if (context !== CONTEXT_GUILD) return { webhook: false, channel: false };
  const owners = interaction.authorizing_integration_owners;
  if (owners && Object.keys(owners).length > 0 && owners[GUILD_INSTALL] === undefined) {
    // Installed by the user only: the bot user is not in this guild.
    return { webhook: false, channel: false };
  }
  if (interaction.app_permissions === undefined || interaction.app_permissions === "")
    return ANY_ROUTE;
  const granted = interaction.app_permissions;
  const sees = hasPermission(granted, Permission.ViewChannel);
  return {
    webhook: sees && hasPermission(granted, Permission.ManageWebhooks),
    channel: sees && hasPermission(granted, Permission.SendMessages),
  };
}

export function hasRoutePastToken(plan: RoutePlan): boolean {
  return plan.webhook || plan.channel;
}
