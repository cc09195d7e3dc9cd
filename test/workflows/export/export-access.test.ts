import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { NOT_FOUND_TEXT } from "../../../src/file-replies/retrieve-results-reply.ts";
import { findResult } from "../../../src/results/result-index.ts";
import { resultFileKey } from "../../../src/results/result-store.ts";
import { emulator, freshId } from "../../helpers/emulator.ts";
import { editedOriginal, withReplyToken } from "../../helpers/file-reply.ts";
import { interactionFrom, sendInteraction, status } from "../../helpers/workflow-harness.ts";
import {
  type ExportRun,
  finished,
  MEMBER_READS,
  runExport,
  seededChannel,
  VIEW,
} from "./export-harness.ts";

type Reply = { type: number; data?: { content?: string; flags?: number } };

function embedText(message: { embeds: unknown[] } | undefined): string {
  return JSON.stringify(message?.embeds ?? []);
}

/** Run again under the result, pressed by `userId` with `permissions` in that channel. */
async function pressRunAgain(run: ExportRun, userId: string, permissions: string): Promise<Reply> {
  const issued = await emulator.createInteractionToken({
    channelId: run.channelId,
    guildId: run.guildId,
    userId,
  });
  const data = { custom_id: `again:${run.workflowId}`, component_type: 2 };
  const body = interactionFrom({ userId, permissions }, 3, data, {
    id: issued.interactionId,
    token: issued.token,
    guildId: run.guildId,
    channelId: run.channelId,
  });
  return (await (await sendInteraction(body)).json()) as Reply;
}

/** `/retrieve_results workflow_id:…` by `userId`; the result arrives as an edit of @original. */
async function retrieveAs(userId: string, guildId: string, workflowId: string, limit?: number) {
  const options = [{ name: "workflow_id", type: 3, value: workflowId }];
  const data = { id: freshId(), name: "retrieve_results", type: 1, options };
  const { body, token } = await withReplyToken(
    interactionFrom({ userId }, 2, data, { guildId }),
    limit,
  );
  const reply = (await (await sendInteraction(body)).json()) as Reply;
  return { reply, token };
}

describe("who may export what", () => {
  it("refuses a member who cannot read the channel's history, ephemerally, starting nothing", async () => {
    const { channelId, guildId } = await seededChannel(50);
    const run = await runExport({ target: channelId, guildId, memberPermissions: String(VIEW) });
    expect(run.reply.type).toBe(4);
    expect(run.reply.data?.flags).toBe(64);
    expect(run.reply.data?.content).toContain("View Channel and Read Message History");
    expect(await findResult(env.DB, run.workflowId)).toBeNull();
    expect(await status(run.workflowId)).toBeNull();
  });

  it.each([
    [{ botCanReadHistory: false }, "Read Message History"],
    [{ botCanView: false }, "View Channel"],
  ])(
    "a channel the bot cannot read (%o): the result names the permission",
    async (access, name) => {
      const { channelId, guildId } = await seededChannel(50);
      await emulator.setChannelAccess(channelId, access);
      // Run from another channel: Discord told us nothing about the bot's rights in the target.
      const run = await runExport({ target: channelId, here: freshId(), guildId });
      const done = await finished(run);
      expect(done.status).toBe("failed");
      const [original] = await emulator.messages({ token: run.token });
      expect(embedText(original)).toContain(`${name} permission`);
    },
  );

  it("says when the application lacks the Message Content intent", async () => {
    const { channelId, guildId } = await seededChannel(200);
    await emulator.setChannelAccess(channelId, { messageContent: false });
    const run = await runExport({ target: channelId, guildId, options: { format: "txt" } });
    expect((await finished(run)).status).toBe("completed");
    const [original] = await emulator.messages({ token: run.token });
    expect(embedText(original)).toContain("Privileged Gateway Intents");
  });

  it("keeps outside text literal in the embed: the channel's name and the filter", async () => {
    const name = "@everyone **x** <script>alert(1)</script> [y](https://evil.example)";
    const { channelId, guildId } = await seededChannel(60, { name });
    const filter = "@here **bold** `tick`";
    const run = await runExport({ target: channelId, guildId, options: { filter } });
    expect((await finished(run)).status).toBe("completed");
    const [original] = await emulator.messages({ token: run.token });
    const embed = embedText(original);
    expect(embed).not.toMatch(/@(everyone|here)/);
    expect(embed).not.toContain("**x**");
    expect(embed).not.toContain("[y](https://evil.example)");
    expect(embed).not.toContain("**bold**");
  });

  it("links a file too large for the interaction's limit, serves it, and keeps it the owner's", async () => {
    const { channelId, guildId } = await seededChannel(300);
    const limit = 16 * 1024;
    const run = await runExport({ target: channelId, guildId, attachmentSizeLimit: limit });
    expect((await finished(run)).status).toBe("completed");
    const [original] = await emulator.messages({ token: run.token });
    const fileName = `general-${channelId}.html`;
    expect(original?.attachments.map((a) => a.filename)).not.toContain(fileName);
    const links = [
      ...embedText(original).matchAll(/\[download it\]\((http:\/\/bot\.test\/files\/[^)]+)\)/g),
    ];
    const link = links.map((match) => match[1]).find((url) => url?.includes(`/${fileName}?`));
    expect(link, embedText(original)).toBeDefined();
    const download = await exports.default.fetch(link as string);
    expect(download.status).toBe(200);
    const stored = await env.RESULTS.get(resultFileKey(run.workflowId, fileName));
    expect(stored?.size).toBeGreaterThan(limit);
    expect(await download.text()).toBe(await stored?.text());

    // /retrieve_results serves the owner the same link; a stranger learns nothing.
    const mine = await retrieveAs(run.userId, guildId, run.workflowId, limit);
    expect(mine.reply.type).toBe(5);
    expect(embedText(await editedOriginal(mine.token))).toContain("[download it](");
    const stranger = freshId();
    const theirs = await retrieveAs(stranger, guildId, run.workflowId, limit);
    expect(theirs.reply.data?.content).toBe(NOT_FOUND_TEXT);

    // Run again: refused to a stranger; the owner's re-parse of the stored options starts a run.
    const refused = await pressRunAgain(run, stranger, MEMBER_READS);
    expect(refused.data?.content).toContain("Only the person who started");
    const again = await pressRunAgain(run, run.userId, MEMBER_READS);
    expect(again.type, JSON.stringify(again)).toBe(5);
    // The owner's rights are checked again where the button is pressed.
    const lost = await pressRunAgain(run, run.userId, String(VIEW));
    expect(lost.data?.content).toContain("Read Message History");
  });
});
