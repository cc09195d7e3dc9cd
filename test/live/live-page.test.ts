import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import type { LiveState } from "../../src/tracker/live-state.ts";
import type { WorkflowEvent } from "../../src/tracker/schema.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";
import { allEvents, signedUrl } from "./live-client.ts";

const slow = defineTestWorkflow("live_page_flow", [
  { delayMs: 1500, progressSteps: 5 },
  { delayMs: 10 },
]);
const HOSTILE_INPUT = `</script><script>alert("x")</script>&'`;

interface EmbeddedData {
  state: LiveState;
  events: WorkflowEvent[];
  moreEvents: boolean;
  socketPath: string;
}

function embedded(page: string): EmbeddedData {
  const json = /<script type="application\/json" id="live-data">(.*?)<\/script>/s.exec(page)?.[1];
  if (!json) throw new Error("no embedded live data");
  return JSON.parse(json) as EmbeddedData;
}

interface Button {
  style: number;
  label: string;
  url?: string;
}

describe("the live view page", () => {
  it("is linked from the progress message and renders the running workflow safely", async () => {
    const started = await startViaDiscord(slow, { input: HOSTILE_INPUT });
    let link = "";
    await vi.waitFor(
      async () => {
        const edits = await emulator.requests(`${started.token}/messages/@original`);
        const buttons = edits
          .flatMap((c) => (c.body as { components?: { components: Button[] }[] }).components ?? [])
          .flatMap((row) => row.components);
        const live = buttons.find((b) => b.label === "Live view");
        if (!live?.url) throw new Error("no Live view button yet");
        expect(live.style).toBe(5);
        link = live.url;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(link).toMatch(new RegExp(`^http://bot\\.test/w/${started.workflowId}\\?sig=\\d+\\.`));

    const res = await exports.default.fetch(link);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'nonce-[0-9a-f]{32}'/);
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const page = await res.text();
    expect(page).not.toContain("<script>alert");
    expect(page).toContain("&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)");
    const data = embedded(page);
    expect(data.state).toMatchObject({
      workflowId: started.workflowId,
      input: HOSTILE_INPUT,
      status: "running",
      settled: false,
    });
    expect(data.events[0]?.type).toBe("workflow_started");
    expect(data.state.lastSeq).toBe(data.events.at(-1)?.seq);
    // The page's language goes with its socket URL (English: the test sends no Accept-Language).
    expect(data.socketPath).toBe(
      `/w/${started.workflowId}/socket${new URL(link).search}&lang=en-US`,
    );

    const early = await exports.default.fetch(await signedUrl(started.workflowId, "/report.md"));
    expect(early.status).toBe(404);
  });

  it("shows the result and serves report.md once the workflow has ended", async () => {
    const started = await startViaDiscord(slow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const page = await (await exports.default.fetch(await signedUrl(started.workflowId))).text();
    expect(embedded(page).state).toMatchObject({ status: "completed", settled: true });
    expect(page).toContain("live_page_flow completed with 2 stage outputs");
    const href = /<a class="button" href="([^"]+)" download>Download report.md<\/a>/.exec(
      page,
    )?.[1];
    expect(href).toMatch(new RegExp(`^/w/${started.workflowId}/report\\.md\\?sig=`));

    const report = await exports.default.fetch(`http://bot.test${href?.replace(/&amp;/g, "&")}`);
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toContain("text/markdown");
    expect(report.headers.get("content-disposition")).toContain(`${started.workflowId}-report.md`);
    expect(await report.text()).toContain("# live_page_flow");
  });

  it("still shows the stored result after the tracker's storage was freed", async () => {
    const quick = defineTestWorkflow("live_archive_flow", [{ delayMs: 10 }]);
    const started = await startViaDiscord(quick);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const before = await allEvents(started.workflowId);
    expect(before.map((e) => e.type)).toContain("delivered");
    expect(await trackerStub(env, started.workflowId).purge()).toEqual({ purged: true });
    expect(await trackerStub(env, started.workflowId).status()).toBeNull();
    const res = await exports.default.fetch(await signedUrl(started.workflowId));
    expect(res.status).toBe(200);
    const page = await res.text();
    // The whole timeline, from the history archived beside the result.
    const data = embedded(page);
    expect(data.events).toEqual(before);
    expect(data.state).toMatchObject({
      status: "completed",
      settled: true,
      delivery: { state: "delivered", route: "interaction" },
    });
    expect(data.state.stages.map((s: { name: string }) => s.name)).toEqual(["step1"]);
    expect(page).toContain("Download report.md");

    // Results stored before histories were archived still show, without a timeline.
    await env.RESULTS.delete(`results/${started.workflowId}/history.json`);
    const older = embedded(
      await (await exports.default.fetch(await signedUrl(started.workflowId))).text(),
    );
    expect(older.state).toMatchObject({ status: "completed", settled: true, stages: [] });
    expect(older.events).toEqual([]);
  });

  it("an unknown workflow is a 404 page", async () => {
    const res = await exports.default.fetch(await signedUrl(crypto.randomUUID()));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("no workflow with this id");
  });
});
