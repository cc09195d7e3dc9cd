// The Cloudflare Workflows equivalent of a no-op staged workflow: N `step.do` that only note
// when they ran, for comparison with our engine in the same wrangler dev process.
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { markStageRun } from "./stage-clock.ts";

export type NoopWorkflowParams = { stages: number };

export class NoopWorkflow extends WorkflowEntrypoint<Env, NoopWorkflowParams> {
  override async run(
    event: WorkflowEvent<NoopWorkflowParams>,
    step: WorkflowStep,
  ): Promise<number> {
    for (let index = 0; index < event.payload.stages; index++) {
      await step.do(`noop ${index + 1}`, async () => {
        markStageRun(event.instanceId);
        return index;
      });
    }
    return event.payload.stages;
  }
}
