import type { commands } from "../../../src/i18n/catalogs/en/commands.ts";
import type { SamplesOf } from "./samples-of.ts";

export const commandsSamples: SamplesOf<typeof commands> = {
  "commands.ping.description": {},
  "commands.retrieveResults.name": {},
  "commands.retrieveResults.description": {},
  "commands.retrieveResults.workflowId.name": {},
  "commands.retrieveResults.workflowId.description": {},
  "commands.workflows.name": {},
  "commands.workflows.description": {},
  "commands.notify.name": {},
  "commands.notify.description": {},
  "commands.notify.state.name": {},
  "commands.notify.state.description": {},
  "commands.notify.state.on": {},
  "commands.notify.state.off": {},
  "commands.callback.description": {},
  "commands.callback.set.name": {},
  "commands.callback.set.description": {},
  "commands.callback.url.description": {},
  "commands.callback.clear.name": {},
  "commands.callback.clear.description": {},
  "commands.language.name": {},
  "commands.language.description": {},
  "commands.language.server": {},
  "commands.language.mine": {},
};
