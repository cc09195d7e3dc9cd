import type {
  APIApplicationCommandBasicOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { rawText } from "../discord/render/localized-text.ts";
import { choice, described, named } from "../i18n/command-localizations.ts";
import { DEFAULT_LOCALE, type Locale, TRANSLATED_LOCALES } from "../i18n/locales.ts";
import { renderText } from "../i18n/text-ref.ts";
import type { PublicLanguage } from "../i18n/workflow-locales.ts";
import type { AnyWorkflowDefinition, WorkflowCommand } from "../workflow/definition.ts";
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

/** Discord's longest command or option description. */
const MAX_DESCRIPTION = 100;

/**
 * A command's, option's or subcommand's name and its translations. Discord routes by the base
 * name, which the handlers read, so it is written here; the English catalog must say the same.
 */
function routedName(name: string, key: Parameters<typeof named>[0]): ReturnType<typeof named> {
  const localized = named(key);
  if (localized.name !== name)
    throw new Error(`${key} is "${localized.name}" in English, but the code routes "${name}"`);
  return localized;
}

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
  ...described("commands.ping.description"),
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const retrieveResultsCommand = {
  ...routedName("retrieve_results", "commands.retrieveResults.name"),
  ...described("commands.retrieveResults.description"),
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
  options: [
    {
      type: Option.String,
      ...routedName("workflow_id", "commands.retrieveResults.workflowId.name"),
      ...described("commands.retrieveResults.workflowId.description"),
      required: false,
      autocomplete: true,
      max_length: 36,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const workflowsCommand = {
  ...routedName("workflows", "commands.workflows.name"),
  ...described("commands.workflows.description"),
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const notifyCommand = {
  ...routedName("notify", "commands.notify.name"),
  ...described("commands.notify.description"),
  type: ApplicationCommandType.ChatInput,
  ...ANYWHERE,
  options: [
    {
      type: Option.String,
      ...routedName("state", "commands.notify.state.name"),
      ...described("commands.notify.state.description"),
      required: true,
      choices: [
        choice("commands.notify.state.on", "on"),
        choice("commands.notify.state.off", "off"),
      ],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const callbackCommand = {
  name: "callback",
  ...described("commands.callback.description"),
  type: ApplicationCommandType.ChatInput,
  ...SERVER_ADMIN,
  options: [
    {
      type: Option.Subcommand,
      ...routedName("set", "commands.callback.set.name"),
      ...described("commands.callback.set.description"),
      options: [
        {
          type: Option.String,
          name: "url",
          ...described("commands.callback.url.description"),
          required: true,
          max_length: 2048,
        },
      ],
    },
    {
      type: Option.Subcommand,
      ...routedName("clear", "commands.callback.clear.name"),
      ...described("commands.callback.clear.description"),
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * The engine's own option on every workflow command: whose language the workflow's public
 * messages speak (src/i18n/workflow-locales.ts). Taken off before the kind parses its options.
 */
export const LANGUAGE_OPTION = "language";

const languageOption = {
  type: Option.String,
  ...routedName(LANGUAGE_OPTION, "commands.language.name"),
  ...described("commands.language.description"),
  required: false,
  choices: [
    choice("commands.language.server", "server" satisfies PublicLanguage),
    choice("commands.language.mine", "mine" satisfies PublicLanguage),
  ],
} satisfies APIApplicationCommandBasicOption;

/** A command description from a kind's title, in every language (a kind with no command data). */
function describedByTitle(kind: AnyWorkflowDefinition): WorkflowCommand {
  const text = (locale: Locale) =>
    renderText(rawText(locale), kind.title).slice(0, MAX_DESCRIPTION);
  return {
    description: text(DEFAULT_LOCALE),
    description_localizations: Object.fromEntries(
      TRANSLATED_LOCALES.map((locale) => [locale, text(locale)]),
    ),
  };
}

/** A workflow kind's slash command: named as the kind, usable wherever the app is. */
export function kindCommand(
  kind: AnyWorkflowDefinition,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const { options = [], ...texts }: WorkflowCommand = kind.command ?? describedByTitle(kind);
  if (options.some((option) => option.name === LANGUAGE_OPTION))
    throw new Error(`/${kind.name} has its own "${LANGUAGE_OPTION}" option, which the engine adds`);
  return {
    name: kind.name,
    ...texts,
    type: ApplicationCommandType.ChatInput,
    ...ANYWHERE,
    options: [...options, languageOption],
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
