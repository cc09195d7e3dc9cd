import type { Message } from "../../message.ts";

/**
 * Slash-command data as Discord shows it in the command picker: descriptions (1–100 characters),
 * option and choice names. Names (`*.name`) follow Discord's rules in every language: lowercase,
 * 1–32 letters, digits, `-` or `_`, no spaces. No variables: Discord shows them as they are.
 */
export const commands = {
  "commands.ping.description": () => "Check that the bot is alive and how fast it answers",
  "commands.retrieveResults.name": () => "retrieve_results",
  "commands.retrieveResults.description": () =>
    "Fetch the result of one of your workflows, or list your recent ones",
  "commands.retrieveResults.workflowId.name": () => "workflow_id",
  "commands.retrieveResults.workflowId.description": () =>
    "Which workflow (start typing to pick from your recent results)",
  "commands.workflows.name": () => "workflows",
  "commands.workflows.description": () =>
    "Your running and recent workflows, with buttons to cancel or fetch results",
  "commands.notify.name": () => "notify",
  "commands.notify.description": () => "Get a DM whenever one of your results is ready",
  "commands.notify.state.name": () => "state",
  "commands.notify.state.description": () => "On or off",
  "commands.notify.state.on": () => "on",
  "commands.notify.state.off": () => "off",
  "commands.callback.description": () =>
    "Send every finished workflow in this server to a URL (Manage Server)",
  "commands.callback.set.name": () => "set",
  "commands.callback.set.description": () =>
    "POST finished workflows to this URL, signed with HMAC-SHA256",
  "commands.callback.url.description": () => "The address to send to: https://…",
  "commands.callback.clear.name": () => "clear",
  "commands.callback.clear.description": () => "Stop sending finished workflows",
  "commands.language.name": () => "language",
  "commands.language.description": () =>
    "The language of this workflow's public messages (default: the server's)",
  "commands.language.server": () => "The server's language",
  "commands.language.mine": () => "My language",
} satisfies Record<string, Message<never>>;
