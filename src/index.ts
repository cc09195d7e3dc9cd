import { handleFileReplyBatch } from "./file-replies/file-reply-consumer.ts";
import { router } from "./http/router.ts";
import "./workflows/index.ts";
import { runMaintenance } from "./cron/retention.ts";
import { createLogger } from "./log.ts";
import { handleDeadLetterBatch, handleStageBatch } from "./queue/stage-runner.ts";

export { ChannelOutbox } from "./channel/channel-outbox.ts";
export { BotGate } from "./gate/bot-gate.ts";
export { SiteBudget } from "./sites/site-budget.ts";
export { WorkflowTracker } from "./tracker/api.ts";

const DEAD_LETTER_QUEUE_SUFFIX = "-dlq";
const FILE_REPLY_QUEUE_SUFFIX = "-file-replies";

/** Which consumer a batch goes to, by its queue's name (wrangler.toml). */
function consumerOf(queue: string) {
  if (queue.endsWith(FILE_REPLY_QUEUE_SUFFIX)) return handleFileReplyBatch;
  return queue.endsWith(DEAD_LETTER_QUEUE_SUFFIX) ? handleDeadLetterBatch : handleStageBatch;
}

export default {
  fetch: (request, env, ctx) => router.fetch(request, env, ctx),
  queue: (batch, env) => consumerOf(batch.queue)(batch, env),
  scheduled: async (controller, env) => {
    await runMaintenance(env, controller.scheduledTime, createLogger({ component: "cron" }));
  },
} satisfies ExportedHandler<Env, unknown>;
