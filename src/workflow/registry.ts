import type { AnyWorkflowDefinition } from "./definition.ts";

const workflows = new Map<string, AnyWorkflowDefinition>();

export function registerWorkflow(definition: AnyWorkflowDefinition): void {
  workflows.set(definition.name, definition);
}

export function findWorkflow(name: string): AnyWorkflowDefinition | undefined {
  return workflows.get(name);
}
