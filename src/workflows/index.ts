import type { AnyWorkflowDefinition } from "../workflow/definition.ts";
import { registerWorkflow } from "../workflow/registry.ts";
import { autointelWorkflow } from "./autointel/definition.ts";
import { exportWorkflow } from "./export/definition.ts";

/**
 * The bot's workflow kinds, one line each. The slash commands sent to Discord, the command
 * handler, the buttons under a result, /workflows, /retrieve_results, the queue consumer and the
 * tracker all find a kind through this list (registered by name below).
 */
export const workflowKinds: readonly AnyWorkflowDefinition[] = [autointelWorkflow, exportWorkflow];

for (const kind of workflowKinds) registerWorkflow(kind);
