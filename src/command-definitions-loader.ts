import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";

// Node scripts (register, the sandbox) read the bot's slash commands from the Worker's source,
// where each workflow kind carries its own command (src/workflows/index.ts). That source is
// Worker code, type-checked with the Worker's tsconfig; the specifier is not a literal so that
// the Node type-check stops here instead of following it into Worker-only types.
const DEFINITIONS_MODULE = "./interactions/definitions.ts";

export async function loadCommandDefinitions(): Promise<
  RESTPostAPIChatInputApplicationCommandsJSONBody[]
> {
  const module = (await import(DEFINITIONS_MODULE)) as {
    commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  };
  return module.commandDefinitions;
}
