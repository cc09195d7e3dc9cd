import { autointelWorkflow } from "../workflows/autointel/definition.ts";
import { callback } from "./commands/callback.ts";
import { notify } from "./commands/notify.ts";
import { ping } from "./commands/ping.ts";
import { retrieveResults } from "./commands/retrieve-results.ts";
import { workflowCommand } from "./commands/workflow-command.ts";
import { workflows } from "./commands/workflows.ts";
import { cancelButton } from "./components/cancel-button.ts";
import { retrieveButton } from "./components/retrieve-button.ts";
import { retryButton } from "./components/retry-button.ts";
import { runAgainButton } from "./components/run-again-button.ts";
import { workflowPicker } from "./components/workflow-picker.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./context.ts";
import { autointelCommand } from "./definitions.ts";

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

/** Every command, button and modal the bot answers. */
export const registry = createRegistry({
  commands: [
    ping,
    retrieveResults,
    workflows,
    notify,
    callback,
    workflowCommand(autointelCommand, autointelWorkflow),
  ],
  components: [cancelButton, retrieveButton, retryButton, runAgainButton, workflowPicker],
});
