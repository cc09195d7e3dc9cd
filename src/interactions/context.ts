import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentInteraction,
  APIModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Logger } from "../log.ts";

export interface InteractionContext {
  env: Env;
  ctx: ExecutionContext;
  log: Logger;
  /** When the Worker received the interaction (ms since epoch): the token clock starts here. */
  receivedAt: number;
}

export interface CommandHandler {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(
    interaction: APIChatInputApplicationCommandInteraction,
    context: InteractionContext,
  ): Promise<Response> | Response;
  autocomplete?(
    interaction: APIApplicationCommandAutocompleteInteraction,
    context: InteractionContext,
  ): Promise<Response> | Response;
}

/** Buttons and modals are routed by the prefix of their custom_id: `<prefix>:<payload>`. */
export interface ComponentHandler {
  prefix: string;
  execute(
    interaction: APIMessageComponentInteraction,
    payload: string,
    context: InteractionContext,
  ): Promise<Response> | Response;
}

export interface ModalHandler {
  prefix: string;
  execute(
    interaction: APIModalSubmitInteraction,
    payload: string,
    context: InteractionContext,
  ): Promise<Response> | Response;
}

export function customId(prefix: string, payload: string): string {
  return `${prefix}:${payload}`;
}

export function splitCustomId(id: string): { prefix: string; payload: string } {
  const colon = id.indexOf(":");
  return colon < 0
    ? { prefix: id, payload: "" }
    : { prefix: id.slice(0, colon), payload: id.slice(colon + 1) };
}
