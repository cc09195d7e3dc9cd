import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { rawText } from "../discord/render/localized-text.ts";
import { renderText } from "../i18n/text-ref.ts";
import type { AnyWorkflowDefinition } from "../workflow/definition.ts";
import { workflowKinds } from "../workflows/index.ts";
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  ApplicationCommandOptionType as Option,
  Permission,
} from "./constants.ts";

// Slash commands as plain data: the runtime routes by these names and `npm run register`
// sends exactly this list to Discord, so the two can never disagree. A workflow kind's command
// is built from the kind's own definition (its `command`), so it is named as the kind.

// Everywhere a user can reach the app: servers that installed it, its DM with the user, and
// (for users who installed it to their account) other DMs and group DMs. Results there travel
// by the interaction token, then by DM, then wait for /retrieve_results.
const ANYWHERE = {
  integration_types: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDm,
    InteractionContextType.PrivateChannel,
  ],
};

// Server settings: only in servers that installed the app, only for members who manage them.
const SERVER_ADMIN = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  default_member_permissions: String(Permission.ManageGuild),
};

export const pingCommand = {
  name: "ping",
  description: "Check that the bot is alive and how fast it answers",
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const retrieveResultsCommand = {
  name: "retrieve_results",
  description: "Fetch the result of one of your workflows, or list your recent ones",
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
  options: [
    {
      type: Option.String,
      name: "workflow_id",
      description: "Which workflow (start typing to pick from your recent results)",
      required: false,
      autocomplete: true,
      max_length: 36,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const workflowsCommand = {
  name: "workflows",
  description: "Your running and recent workflows, with buttons to cancel or fetch results",
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const notifyCommand = {
  name: "notify",
  description: "Get a DM whenever one of your results is ready",
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
  options: [
    {
      type: Option.String,
      name: "state",
      description: "on or off",
      required: true,
      choices: [
        { name: "on", value: "on" },
        { name: "off", value: "off" },
      ],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const callbackCommand = {
  name: "callback",
  description: "Send every finished workflow in this server to a URL (Manage Server)",
  type: ApplicationCommandType.ChatInput,
  ...SERVER_ADMIN,
  options: [
    {
      type: Option.Subcommand,
      name: "set",
      description: "POST finished workflows to this URL, signed with HMAC-SHA256",
      options: [
        {
          type: Option.String,
          name: "url",
          description: "https://…",
          required: true,
          max_length: 2048,
        },
      ],
    },
    { type: Option.Subcommand, name: "clear", description: "Stop sending finished workflows" },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** A workflow kind's slash command: named as the kind, usable wherever the app is. */
export function kindCommand(
  kind: AnyWorkflowDefinition,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const { description, options, name_localizations, description_localizations } = kind.command ?? {
    description: renderText(rawText("en-US") /* i18n: interim English */, kind.title),
  };
  return {
    name: kind.name,
    description,
    type: ApplicationCommandType.ChatInput,
    ...ANYWHERE,
    ...(options ? { options } : {}),
    ...(name_localizations ? { name_localizations } : {}),
    ...(description_localizations ? { description_localizations } : {}),
  };
}

/** Every slash command: the bot's own, then one per workflow kind (src/workflows/index.ts). */
export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  pingCommand,
  retrieveResultsCommand,
  workflowsCommand,
  notifyCommand,
  callbackCommand,
  ...workflowKinds.flatMap((kind) => (kind.command ? [kindCommand(kind)] : [])),
];

const commandNames = commandDefinitions.map((command) => command.name);
if (new Set(commandNames).size !== commandNames.length)
  throw new Error(`Two commands share a name: ${commandNames.join(", ")}`);
