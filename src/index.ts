import { router } from "./http/router.ts";
import "./workflows/index.ts";
import { runMaintenance } from "./cron/retention.ts";
import { createLogger } from "./log.ts";
import { handleDeadLetterBatch, handleStageBatch } from "./queue/stage-runner.ts";

export { ChannelOutbox } from "./channel/channel-outbox.ts";
export { BotGate } from "./gate/bot-gate.ts";
export { WorkflowTracker } from "./tracker/api.ts";

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
