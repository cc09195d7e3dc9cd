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
} as const;

export const ApplicationCommandType = { ChatInput: 1 } as const;

export const ApplicationCommandOptionType = {
  String: 3,
  Integer: 4,
  Boolean: 5,
} as const;

/** Discord allows at most 25 autocomplete choices. */
export const MAX_AUTOCOMPLETE_CHOICES = 25;
