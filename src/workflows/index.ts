import { registerWorkflow } from "../workflow/registry.ts";
import { autointelWorkflow } from "./autointel/definition.ts";

// The bot's built-in workflows. Imported once by the Worker entry, so the queue consumer and
// the tracker find every definition by name.
registerWorkflow(autointelWorkflow);
