import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { editedOriginal, expectDeferredEphemeral } from "../helpers/file-reply.ts";
import {
  interactionFrom,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const longReport = defineTestWorkflow("file_reply_long_report_flow", [{ delayMs: 10 }], {
  reportChars: 20_000,
});

/** /retrieve_results on a token the emulator holds to `limit`, whatever the interaction says. */
async function retrieveOn(workflowId: string, userId: string, limit?: number) {
  const guildId = freshId();
  const issued = await emulator.createInteractionToken({
    ephemeral: true,
    guildId,
    attachmentSizeLimit: limit,
  });
  const options = [{ name: "workflow_id", type: 3, value: workflowId }];
  const data = { id: freshId(), name: "retrieve_results", type: 1, options };
  const body = interactionFrom({ userId }, 2, data, {
    guildId,
    id: issued.interactionId,
    token: issued.token,
  });
  await expectDeferredEphemeral(await sendInteraction(body));
  return issued.token;
}

async function finishedLongReport(userId: string): Promise<string> {
  const started = await startViaDiscord(longReport, { userId });
  await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
  return started.workflowId;
}

describe("the file-reply queue (edits of deferred replies that carry files)", () => {
  it("sends links instead of files when Discord refuses the upload as too large (40005)", async () => {
    const userId = freshId();
    const workflowId = await finishedLongReport(userId);
    // The interaction claims Discord's default limit; the emulator holds this token to 8 KiB.
    const token = await retrieveOn(workflowId, userId, 8192);
    const edited = await editedOriginal(token);
    expect(edited.attachments).toEqual([]);
    const description = String((edited.embeds[0] as { description?: string }).description);
    expect(description).toMatch(
      /\*\*report\.md\*\* .*\[download it\]\(http:\/\/bot\.test\/files\//,
    );
    expect(description).toMatch(
      /\*\*result\.json\*\* .*\[download it\]\(http:\/\/bot\.test\/files\//,
    );
    const refused = (await emulator.requests(token)).filter((r) => r.status === 413);
    expect(refused.length).toBe(1);
  });

  it("retries through the queue when Discord keeps failing for longer than the client retries", async () => {
    const userId = freshId();
    const workflowId = await finishedLongReport(userId);
    const guildToken = await emulator.createInteractionToken({ ephemeral: true });
    // Five 502s: more than the client's own retries (DISCORD_MAX_RETRIES 3) in one attempt.
    await emulator.injectFault({
      match: guildToken.token,
      method: "PATCH",
      kind: "server_error",
      times: 5,
    });
    const options = [{ name: "workflow_id", type: 3, value: workflowId }];
    const data = { id: freshId(), name: "retrieve_results", type: 1, options };
    const body = interactionFrom({ userId }, 2, data, {
      id: guildToken.interactionId,
      token: guildToken.token,
    });
    await expectDeferredEphemeral(await sendInteraction(body));
    const edited = await editedOriginal(guildToken.token);
    expect(edited.attachments.map((a) => a.filename)).toEqual(["report.md", "result.json"]);
    const patches = (await emulator.requests(guildToken.token)).filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.status)).toEqual([502, 502, 502, 502, 502, 200]);
  });
});
