import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "../../src/results/result-message.ts";
import { resultPrefix } from "../../src/results/result-store.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

/** result.json just over Discord's default upload limit; report.md stays small. */
const oversizedFlow = defineTestWorkflow("oversized_result_flow", [{ delayMs: 5 }], {
  dataChars: MAX_ATTACHMENT_BYTES + 64 * 1024,
});

describe("a final result with a file too large to attach", () => {
  it("attaches what fits and links the rest, and the link serves the stored file", async () => {
    const started = await startViaDiscord(oversizedFlow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");

    const [original] = await emulator.messages({ token: started.token });
    expect(original?.attachments.map((a) => a.filename)).toEqual(["report.md"]);
    const description = String(
      (original?.embeds[0] as { description?: string } | undefined)?.description,
    );
    const link =
      /\*\*result\.json\*\* .*\[download it\]\((http:\/\/bot\.test\/files\/[^)]+)\)/.exec(
        description,
      )?.[1];
    expect(link, description).toBeDefined();
    expect(description).not.toContain("/retrieve_results");

    const download = await exports.default.fetch(link as string);
    expect(download.status).toBe(200);
    const stored = await env.RESULTS.get(`${resultPrefix(started.workflowId)}result.json`);
    const body = await download.text();
    expect(body.length).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
    expect(body).toBe(await stored?.text());
  });
});
