export { WorkflowTracker } from "./workflow/tracker.ts";

export default {
  async fetch(): Promise<Response> {
    return new Response("ok");
  },
} satisfies ExportedHandler<Env>;
