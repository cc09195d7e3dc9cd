// The bench Worker: the product's handlers, with billable operations counted, plus no-op bench
// workflows, a Cloudflare Workflows equivalent and a naive DO + Queue pipeline to compare with.
// Run only by `npm run bench` (bench/run.ts generates its wrangler config); never deployed.

import { handleInteractionRequest } from "../../src/http/interactions-endpoint.ts";
import product from "../../src/index.ts";
import { createRegistry, registry } from "../../src/interactions/registry.ts";
import { benchCommands } from "./bench-workflows.ts";
import { countingBatch, countingEnv, tally } from "./billable-counters.ts";
import type { BenchEnv } from "./engine-routes.ts";
import { handleNaiveBatch, observeBatch } from "./naive-pipeline.ts";
import { handleBenchRequest } from "./routes.ts";
import { whileStagesHeld } from "./stage-hold.ts";

export { ChannelOutbox } from "../../src/channel/channel-outbox.ts";
export { BotGate } from "../../src/gate/bot-gate.ts";
export { SiteBudget } from "../../src/sites/site-budget.ts";
export { CountingWorkflowTracker as WorkflowTracker } from "./counting-tracker.ts";
export { NaivePipeline } from "./naive-pipeline.ts";
export { NoopWorkflow } from "./noop-workflow.ts";

const benchRegistry = createRegistry({
  commands: [...registry.commands.values(), ...benchCommands],
  components: [...registry.components.values()],
  modals: [...registry.modals.values()],
});

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/bench/")) return handleBenchRequest(request, env, ctx, benchRegistry);
    tally.workerRequests++;
    if (request.method === "POST" && pathname === "/interactions")
      return handleInteractionRequest(request, countingEnv(env), ctx, benchRegistry);
    return product.fetch(request, countingEnv(env), ctx);
  },
  async queue(batch, env) {
    if (batch.queue === "bench-sink") return batch.ackAll();
    if (batch.queue.startsWith("bench-naive"))
      return observeBatch(batch.queue, batch.messages.length, () => handleNaiveBatch(batch, env));
    await whileStagesHeld();
    return observeBatch(batch.queue, batch.messages.length, () =>
      product.queue(countingBatch(batch), countingEnv(env)),
    );
  },
} satisfies ExportedHandler<BenchEnv, unknown>;
