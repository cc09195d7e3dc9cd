import { router } from "./http/router.ts";
import "./workflows/index.ts";
import { createLogger } from "./log.ts";
import { runMaintenance } from "./results/retention.ts";
import { handleDeadLetterBatch, handleStageBatch } from "./workflow/stage-runner.ts";

export { ChannelOutbox } from "./channel/channel-outbox.ts";
export { BotGate } from "./gate/bot-gate.ts";
export { SiteBudget } from "./sites/site-budget.ts";
export { WorkflowTracker } from "./workflow/tracker/workflow-tracker.ts";

const DEAD_LETTER_QUEUE_SUFFIX = "-dlq";

export default {
  fetch: (request, env, ctx) => router.fetch(request, env, ctx),
  queue: (batch, env) =>
    batch.queue.endsWith(DEAD_LETTER_QUEUE_SUFFIX)
      ? handleDeadLetterBatch(batch, env)
      : handleStageBatch(batch, env),
  scheduled: async (controller, env) => {
    await runMaintenance(env, controller.scheduledTime, createLogger({ component: "cron" }));
  },
} satisfies ExportedHandler<Env, unknown>;
