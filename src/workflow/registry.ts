import { renderText, type TextRef, textRef } from "../i18n/text-ref.ts";
import type { Translate } from "../i18n/translator.ts";
import type { AnyWorkflowDefinition, StageDefinition } from "./definition.ts";

const workflows = new Map<string, AnyWorkflowDefinition>();

export function registerWorkflow(definition: AnyWorkflowDefinition): void {
  workflows.set(definition.name, definition);
}

/** A deploy that drops a workflow kind; its running workflows then end as failed. */
export function unregisterWorkflow(name: string): void {
  workflows.delete(name);
}

export function findWorkflow(name: string): AnyWorkflowDefinition | undefined {
  return workflows.get(name);
}

/** What a kind is called, in the translator's language (its name when the kind is gone). */
export function workflowTitle(name: string, t: Translate): string {
  const definition = workflows.get(name);
  return definition ? renderText(t, definition.title) : name;
}

/**
 * A stage by name, among the kind's current stages and those it retired. A tracker runs the
 * stage list it started with, so a deploy that renames, adds or removes stages finds each stage
 * of an older list here for as long as the kind keeps it in `retiredStages`.
 */
export function findStage(
  workflowName: string,
  stageName: string,
): StageDefinition<unknown> | undefined {
  const definition = workflows.get(workflowName);
  if (!definition) return undefined;
  return (
    definition.stages.find((stage) => stage.name === stageName) ??
    definition.retiredStages?.find((stage) => stage.name === stageName)
  );
}

/** Why a workflow cannot run its stage on this release; null when it can. */
export function missingStageReason(workflowName: string, stageName: string): TextRef | null {
  if (!workflows.has(workflowName)) return textRef("engine.kindRemoved", { kind: workflowName });
  if (!findStage(workflowName, stageName))
    return textRef("engine.stageRemoved", { stage: stageName });
  return null;
}
