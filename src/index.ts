import { router } from "./http/router.ts";

export { WorkflowTracker } from "./workflow/tracker.ts";

export default {
  fetch: (request, env, ctx) => router.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
