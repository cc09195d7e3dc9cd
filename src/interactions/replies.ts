import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from "discord-api-types/v10";
import { withAllowedMentions } from "../discord/allowed-mentions.ts";
import { discordText } from "../discord/render/localized-text.ts";
import { type Locale, resolveLocale } from "../i18n/locales.ts";
import type { Translate } from "../i18n/translator.ts";
import { InteractionResponseType, MAX_AUTOCOMPLETE_CHOICES, MessageFlags } from "./constants.ts";

function reply(body: APIInteractionResponse): Response {
  return Response.json(body);
}

export function pong(): Response {
  return reply({ type: InteractionResponseType.Pong });
}

/** A new message in reply; it pings nobody unless `data.allowed_mentions` says so. */
export function message(data: APIInteractionResponseCallbackData): Response {
  return reply({
    type: InteractionResponseType.ChannelMessageWithSource,
    data: withAllowedMentions(data),
  });
}

/** Type 7: the message the pressed component sits on is replaced in place (no new message). */
export function updateMessage(data: APIInteractionResponseCallbackData): Response {
  return reply({ type: InteractionResponseType.UpdateMessage, data: withAllowedMentions(data) });
}

/** A reply only the caller sees: the form every user-facing error takes. */
export function ephemeral(content: string): Response {
  return message({ content, flags: MessageFlags.Ephemeral });
}

/** Type 5: Discord shows "thinking…" and the bot has 15 minutes to edit the original. */
export function deferred(options: { ephemeral?: boolean } = {}): Response {
  return reply({
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: options.ephemeral ? { flags: MessageFlags.Ephemeral } : {},
  });
}

export function autocompleteChoices(
  choices: APIApplicationCommandOptionChoice<string>[],
): Response {
  return reply({
    type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    data: { choices: choices.slice(0, MAX_AUTOCOMPLETE_CHOICES) },
  });
}

/** The language of whoever sent an interaction (its `locale`, their client's language). */
export function localeOf(interaction: object): Locale {
  const locale = "locale" in interaction ? interaction.locale : undefined;
  return resolveLocale(typeof locale === "string" ? locale : undefined);
}

/** The catalog messages in the language of whoever sent an interaction. */
export function textFor(interaction: object): Translate {
  return discordText(localeOf(interaction));
}
