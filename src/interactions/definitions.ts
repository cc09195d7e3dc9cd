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

export const autointelCommand = {
  name: "autointel",
  description: "Analyse a web page and crawl its site; a deep run outlasts Discord's 15 minutes",
  type: 1,
  options: [
    {
      type: 3,
      name: "url",
      description: "The page to analyse (http:// or https://)",
      required: true,
      max_length: 2048,
    },
    {
      type: 3,
      name: "depth",
      description: "How much of the site to crawl (default: standard)",
      required: false,
      choices: [
        { name: "quick: this page and its links", value: "quick" },
        { name: "standard: up to 10 pages", value: "standard" },
        { name: "deep: up to 100 pages (takes a while)", value: "deep" },
      ],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const workflowsCommand = {
  name: "workflows",
  description: "Your running and recent workflows, with buttons to cancel or fetch results",
  type: 1,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const notifyCommand = {
  name: "notify",
  description: "Get a DM whenever one of your results is ready",
  type: 1,
  options: [
    {
      type: 3,
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
  type: 1,
  default_member_permissions: String(1 << 5),
  dm_permission: false,
  options: [
    {
      type: 1,
      name: "set",
      description: "POST finished workflows to this URL, signed with HMAC-SHA256",
      options: [
        { type: 3, name: "url", description: "https://…", required: true, max_length: 2048 },
      ],
    },
    { type: 1, name: "clear", description: "Stop sending finished workflows" },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  pingCommand,
  retrieveResultsCommand,
  workflowsCommand,
  notifyCommand,
  callbackCommand,
  autointelCommand,
];
