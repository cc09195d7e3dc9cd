import type { APIInteraction } from "discord-api-types/v10";
import { InteractionType } from "./constants.ts";
import { type InteractionContext, splitCustomId } from "./context.ts";
import { commandHandler, type HandlerRegistry } from "./registry.ts";
import { autocompleteChoices, ephemeral, pong, textFor } from "./replies.ts";

type Route = (
  interaction: APIInteraction,
  registry: HandlerRegistry,
  context: InteractionContext,
) => Promise<Response> | Response;

// One small table keyed by interaction type; each entry looks up its handler by name or prefix.
const routes: Record<number, Route> = {
  [InteractionType.Ping]: () => pong(),
  [InteractionType.ApplicationCommand]: (interaction, registry, context) => {
    if (interaction.type !== InteractionType.ApplicationCommand) return unknown(interaction);
    const handler = commandHandler(registry, interaction.data.name);
    // Only chat-input commands are registered; a user or message command is unknown to us.
    if (!handler || interaction.data.type !== 1) return unknown(interaction);
    return handler.execute(interaction as Parameters<typeof handler.execute>[0], context);
  },
  [InteractionType.ApplicationCommandAutocomplete]: (interaction, registry, context) => {
    if (interaction.type !== InteractionType.ApplicationCommandAutocomplete)
      return unknown(interaction);
    const handler = commandHandler(registry, interaction.data.name);
    return handler?.autocomplete
      ? handler.autocomplete(interaction, context)
      : autocompleteChoices([]);
  },
  [InteractionType.MessageComponent]: (interaction, registry, context) => {
    if (interaction.type !== InteractionType.MessageComponent) return unknown(interaction);
    const { prefix, payload } = splitCustomId(interaction.data.custom_id);
    const handler = registry.components.get(prefix);
    return handler ? handler.execute(interaction, payload, context) : unknown(interaction);
  },
  [InteractionType.ModalSubmit]: (interaction, registry, context) => {
    if (interaction.type !== InteractionType.ModalSubmit) return unknown(interaction);
    const { prefix, payload } = splitCustomId(interaction.data.custom_id);
    const handler = registry.modals.get(prefix);
    return handler ? handler.execute(interaction, payload, context) : unknown(interaction);
  },
};

function unknown(interaction: APIInteraction): Response {
  return ephemeral(textFor(interaction)("interactions.unknownCommand"));
}

function describe(interaction: APIInteraction): Record<string, unknown> {
  const data = "data" in interaction ? interaction.data : undefined;
  return {
    interactionType: interaction.type,
    command: data && "name" in data ? data.name : undefined,
    customId: data && "custom_id" in data ? data.custom_id : undefined,
  };
}

/**
 * Answers one verified interaction. A handler that throws becomes a logged error and an
 * ephemeral apology: Discord gets a valid reply, the user never sees a stack trace.
 */
export async function dispatchInteraction(
  interaction: APIInteraction,
  registry: HandlerRegistry,
  context: InteractionContext,
): Promise<Response> {
  const route = routes[interaction.type];
  if (!route) return unknown(interaction);
  try {
    return await route(interaction, registry, context);
  } catch (error) {
    context.log.error("interaction.handler_failed", { ...describe(interaction), error });
    return ephemeral(textFor(interaction)("interactions.handlerFailed"));
  }
}
