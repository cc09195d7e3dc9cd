import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { untranslated } from "../../src/i18n/text-ref.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { continueLater, type JsonValue } from "../../src/workflow/definition.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";
import { freshId } from "../helpers/emulator.ts";
import { startQueuedViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// SQLite values are capped at 2 MB: a paused stage's state above INLINE_VALUE_BYTES goes to R2.
const STATE_CHARS = 3 * 1024 * 1024;
const resumedWith: number[] = [];

const shape = defineTestWorkflow("large_pause_flow", [{}]);
const definition = {
  ...shape.definition,
  stages: [
    {
      ...shape.definition.stages[0],
      name: "crawl",
      label: untranslated("Crawl"),
      async run(_ctx: unknown, state: JsonValue | undefined) {
        const pauses = Array.isArray(state) ? (state[0] as number) : 0;
        if (Array.isArray(state)) resumedWith.push((state[1] as string).length);
        if (pauses < 2) return continueLater([pauses + 1, "p".repeat(STATE_CHARS)], 0);
        return { pauses };
      },
    },
  ],
} as typeof shape.definition;
registerWorkflow(definition);

describe("a paused stage with multi-megabyte state", () => {
  it("keeps its state in R2, resumes with all of it, and leaves nothing behind", async () => {
    const started = await startQueuedViaDiscord({ ...shape, definition }, `large-${freshId()}`);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    expect(resumedWith).toEqual([STATE_CHARS, STATE_CHARS]);
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.filter((e) => e.type === "stage_yielded")).toHaveLength(2);
    // Each pause's state object is removed once the next one (or the output) replaced it.
    const left = await env.RESULTS.list({ prefix: `workflows/${started.workflowId}/` });
    expect(left.objects.map((o) => o.key)).toEqual([]);
  });
});
