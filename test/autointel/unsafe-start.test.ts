import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator } from "../helpers/emulator.ts";
import { displayed } from "../helpers/markdown-hazards.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import { METADATA_URL } from "../support/test-site-pages.ts";
import {
  invocations,
  sendAutointel,
  siteOrigin,
  startAnalysis,
  storedResult,
} from "./support/analysis-harness.ts";

describe("/autointel refuses what it must not do", () => {
  it.each([
    [{ depth: "quick" }, "`url` is required"],
    [{ url: "ftp://files.example.com/" }, "must start with http:// or https://"],
    [{ url: `https://example.com/${"x".repeat(2100)}` }, "the limit is 2,048"],
    [{ url: "http://169.254.169.254/latest/meta-data/" }, "cloud metadata"],
    [{ url: "http://[::ffff:10.0.0.1]/" }, "IPv4-mapped"],
    [{ url: "https://example.com/", depth: "bottomless" }, "`depth` must be one of"],
  ])("answers %j with an ephemeral error naming the problem", async (options, problem) => {
    const { reply } = await sendAutointel(options);
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(64);
    expect(displayed(reply.data?.content ?? "")).toContain(problem);
  });

  it("fails, and says why, when the page redirects to the cloud metadata address", async () => {
    const started = await startAnalysis({ url: `${siteOrigin()}/to-metadata`, depth: "quick" });
    const final = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      45_000,
    );
    expect(final.status).toBe("failed");
    expect(final.error).toContain(METADATA_URL);
    expect(final.error).toContain("cloud metadata");
    expect(final.stages.map((s) => s.status)).toEqual([
      "done",
      "failed",
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
    // A failure is fatal at once: the queue did not retry the refused fetch.
    expect(final.stages[1]?.claims).toBe(1);

    const { data, summary } = await storedResult(started.workflowId);
    expect(data.status).toBe("failed");
    expect(summary).toContain("cloud metadata");
    const delivered = (await emulator.messages({ token: started.token })).find((m) =>
      JSON.stringify(m.embeds).includes("Site analysis failed"),
    );
    expect(displayed(JSON.stringify(delivered?.embeds))).toContain("cloud metadata");
    const events = await trackerStub(env, started.workflowId).events(0);
    expect(events.map((e) => e.type)).toContain("workflow_failed");

    // None of the refused commands above started anything: this is the file's only workflow.
    expect(new Set(invocations.map((run) => run.workflowId))).toEqual(
      new Set([started.workflowId]),
    );
  });
});
