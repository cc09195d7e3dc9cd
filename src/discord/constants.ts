// Numeric values from Discord's documentation. discord-api-types' runtime enums are not used
// because they break inside the Workers test pool; its types are (import type only).
export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const;

export const InteractionResponseType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;

export const MessageFlags = {
  Ephemeral: 1 << 6,
  /** Components V2 layout: content and embeds are then refused. */
  IsComponentsV2: 1 << 15,
} as const;

export const ComponentType = {
  ActionRow: 1,
  Button: 2,
  StringSelect: 3,
} as const;

export const ButtonStyle = {
  Primary: 1,
  Secondary: 2,
  Success: 3,
  Danger: 4,
  Link: 5,
} as const;

/** Component limits (docs: interactions/message-components). */
export const ComponentLimits = {
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
} as const;

/** Where a command may be used (docs: interactions/application-commands, contexts). */
export const InteractionContextType = {
  Guild: 0,
  BotDm: 1,
  PrivateChannel: 2,
} as const;

/** How the app is installed: to a server, or by a user to their account. */
export const ApplicationIntegrationType = {
  GuildInstall: 0,
  UserInstall: 1,
} as const;

/** Permission bits (docs: topics/permissions); bigint, as Discord sends them as strings. */
export const Permission = {
  /** Grants every permission (and overrides channel overwrites). */
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  ManageWebhooks: 1n << 29n,
} as const;

/**
 * Whether the permission string `granted` (`member.permissions`, `app_permissions`) includes
 * `bit`: the one reader of Discord's permission bits. ADMINISTRATOR grants every bit.
 */
export function hasPermission(granted: string | undefined | null, bit: bigint): boolean {
  if (!granted || !/^\d+$/.test(granted)) return false;
  const bits = BigInt(granted);
  return (bits & Permission.Administrator) !== 0n || (bits & bit) === bit;
}

export const ApplicationCommandType = { ChatInput: 1 } as const;

export const ApplicationCommandOptionType = {
  Subcommand: 1,
  String: 3,
  Integer: 4,
  Boolean: 5,
  Channel: 7,
} as const;

/** Discord allows at most 25 autocomplete choices. */
export const MAX_AUTOCOMPLETE_CHOICES = 25;
