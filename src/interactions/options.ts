import type {
  APIApplicationCommandInteractionDataOption,
  APIInteraction,
  APIUser,
} from "discord-api-types/v10";

export type OptionValues = Record<string, string | number | boolean>;

/** Flat name → value map of a chat-input command's options (this bot has no subcommands). */
export function optionValues(
  options: APIApplicationCommandInteractionDataOption[] | undefined,
): OptionValues {
  const values: OptionValues = {};
  for (const option of options ?? []) {
    if ("value" in option && option.value !== undefined) values[option.name] = option.value;
  }
  return values;
}

/** The user who triggered the interaction, in a guild or a DM. */
export function invokingUser(interaction: APIInteraction): APIUser | undefined {
  return interaction.member?.user ?? interaction.user;
}
