import { findWorkflow } from "../workflow/registry.ts";
import { callback } from "./commands/callback.ts";
import { notify } from "./commands/notify.ts";
import { ping } from "./commands/ping.ts";
import { retrieveResults } from "./commands/retrieve-results.ts";
import { workflowCommand } from "./commands/workflow-command.ts";
import { workflows } from "./commands/workflows.ts";
import { cancelButton } from "./components/cancel-button.ts";
import { resumeButton } from "./components/resume-button.ts";
import { retrieveButton } from "./components/retrieve-button.ts";
import { runAgainButton } from "./components/run-again-button.ts";
import { workflowPicker } from "./components/workflow-picker.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./context.ts";

/**
 * The commands, buttons and modals the bot answers. A workflow kind's command is not listed:
 * `commandHandler` finds it from the kind (src/workflows/index.ts lists the kinds).
 */
export interface HandlerRegistry {
  commands: ReadonlyMap<string, CommandHandler>;
  components: ReadonlyMap<string, ComponentHandler>;
  modals: ReadonlyMap<string, ModalHandler>;
}

export function createRegistry(handlers: {
  commands?: CommandHandler[];
  components?: ComponentHandler[];
  modals?: ModalHandler[];
}): HandlerRegistry {
  return {
    commands: new Map((handlers.commands ?? []).map((h) => [h.definition.name, h])),
    components: new Map((handlers.components ?? []).map((h) => [h.prefix, h])),
    modals: new Map((handlers.modals ?? []).map((h) => [h.prefix, h])),
  };
}

/** The handler of a slash command: the bot's own, else the kind of that name's. */
export function commandHandler(
  registry: HandlerRegistry,
  name: string,
): CommandHandler | undefined {
  const own = registry.commands.get(name);
  if (own) return own;
  const kind = findWorkflow(name);
  return kind?.command ? workflowCommand(kind) : undefined;
}

/** The bot's own commands, and every button and modal. */
export const registry = createRegistry({
  commands: [ping, retrieveResults, workflows, notify, callback],
  components: [cancelButton, retrieveButton, resumeButton, runAgainButton, workflowPicker],
});
