import { describe, expect, it } from "vitest";
import { messageLimitViolations } from "../../src/discord/render/message-limits.ts";
import { siteOrigin, startAnalysis, storedResult } from "../autointel/support/analysis-harness.ts";
import { editedOriginal, expectDeferredEphemeral, withReplyToken } from "../helpers/file-reply.ts";
import { markdownHazards, messageTexts, renderedSurface } from "../helpers/markdown-hazards.ts";
import { sendsTouching, sentMessage } from "../helpers/sent-messages.ts";
import {
  commandData,
  interactionFrom,
  sendInteraction,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { HOSTILE_MARKERS, HOSTILE_PATH } from "../support/hostile-pages.ts";

type Message = { content?: string; embeds?: { description?: string; fields?: unknown[] }[] };

function expectNoPageMarkup(message: unknown, ownerId: string): void {
  for (const text of messageTexts(message)) {
    expect(markdownHazards(text, [ownerId]), text).toEqual([]);
    const surface = renderedSurface(text);
    for (const marker of HOSTILE_MARKERS) expect(surface, text).not.toContain(marker);
  }
}

describe("a hostile page", () => {
  it("never turns into links, mentions, headings or formatting in any message", async () => {
    const url = `${siteOrigin()}${HOSTILE_PATH}`;
    const started = await startAnalysis({ url, depth: "standard" });
    const final = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered",
      45_000,
    );
    expect(final.status).toBe("completed");
    const stored = await storedResult(started.workflowId);
    // The stored result keeps the page's own words; only what is shown is escaped.
    expect(stored.data.extract?.title).toContain("[Free Nitro](https://evil.example/login)");

    const sends = await sendsTouching([started.token, started.channelId]);
    expect(sends.length).toBeGreaterThan(1);
    for (const send of sends) expectNoPageMarkup(sentMessage(send), started.userId);

    // The final message: an embed within Discord's limits, findings, files, no table syntax.
    const last = sends.at(-1);
    if (!last) throw new Error("nothing was sent");
    const message = sentMessage(last) as Message;
    expect(messageLimitViolations(message as never)).toEqual([]);
    const text = messageTexts(message).join("\n");
    expect(text).not.toMatch(/^\s*\|.*\|\s*$/m);
    expect(text).not.toMatch(/^#{1,3} /m);
    const fields = JSON.stringify(message.embeds?.[0]?.fields);
    expect(fields).toContain("Broken links (4)");
    expect(fields).toContain("/hostile/[Free](https://evil.example/login)`");
    expect((last.body as { files?: { filename: string }[] }).files?.map((f) => f.filename)).toEqual(
      ["report.md", "result.json"],
    );

    // /retrieve_results shows the same message, as safe.
    const { body, token } = await withReplyToken(
      interactionFrom(
        { userId: started.userId },
        2,
        commandData("retrieve_results", { workflow_id: started.workflowId }),
      ),
    );
    await expectDeferredEphemeral(await sendInteraction(body));
    const retrieved = await editedOriginal(token);
    expectNoPageMarkup(retrieved, started.userId);
    const embeds = retrieved.embeds as Message["embeds"];
    expect(embeds?.[0]?.description).toBe(message.embeds?.[0]?.description);
    expect(retrieved.attachments.map((a) => a.filename)).toEqual(["report.md", "result.json"]);
  });
});
