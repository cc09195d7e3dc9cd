import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";

// Slash commands as plain data: the runtime routes by these names and `npm run register`
// sends exactly this list to Discord, so the two can never disagree.

export const pingCommand = {
  name: "ping",
  description: "Check that the bot is alive and how fast it answers",
  type: 1,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const retrieveResultsCommand = {
  name: "retrieve_results",
  description: "Fetch the result of one of your workflows, or list your recent ones",
  type: 1,
  options: [
    {
      type: 3,
      name: "workflow_id",
      description: "Which workflow (start typing to pick from your recent results)",
      required: false,
      autocomplete: true,
      max_length: 36,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  pingCommand,
  retrieveResultsCommand,
];
