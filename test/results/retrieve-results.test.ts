import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { NOT_FOUND_TEXT } from "../../src/file-replies/retrieve-results-reply.ts";
import { resultFiles } from "../../src/results/result-message.ts";
import { loadStoredResult, resultPrefix } from "../../src/results/result-store.ts";
import { freshId } from "../helpers/emulator.ts";
import {
  editedOriginal,
  expectDeferredEphemeral,
  sha256Hex,
  withReplyToken,
} from "../helpers/file-reply.ts";
import {
  interactionFrom,
  type StartedWorkflow,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("retrieve_flow", [{ delayMs: 10 }]);
/** result.json over 1 MB: far above what Discord takes in a multipart HTTP answer. */
const hugeFlow = defineTestWorkflow("retrieve_huge_flow", [{ delayMs: 10 }], {
  dataChars: 1_200_000,
});
const longReportFlow = defineTestWorkflow("retrieve_long_report_flow", [{ delayMs: 10 }], {
  reportChars: 20_000,
});

const MANAGE_GUILD = String(1 << 5);
const DAY_MS = 86_400_000;

type Reply = {
  type: number;
  data: {
    content?: string;
    flags?: number;
    choices?: { name: string; value: string }[];
  };
};

type Actor = { userId: string; guildId: string; permissions?: string };

function retrieveCommand(actor: Actor, options: unknown[], type: 2 | 4 = 2) {
  const data = { id: freshId(), name: "retrieve_results", type: 1, options };
  return interactionFrom(actor, type, data, { guildId: actor.guildId });
}

function idOption(workflowId?: string) {
  return workflowId === undefined ? [] : [{ name: "workflow_id", type: 3, value: workflowId }];
}

/** An answer given at once (not found, the list): ephemeral JSON. */
async function answerNow(actor: Actor, workflowId?: string): Promise<Reply> {
  const res = await sendInteraction(retrieveCommand(actor, idOption(workflowId)));
  return (await res.json()) as Reply;
}

/** A retrieval that is allowed: "thinking…", then @original edited with the result. */
async function retrieveEdited(actor: Actor, workflowId: string, attachmentSizeLimit?: number) {
  const { body, token } = await withReplyToken(
    retrieveCommand(actor, idOption(workflowId)),
    attachmentSizeLimit,
  );
  await expectDeferredEphemeral(await sendInteraction(body));
  return editedOriginal(token);
}

async function finished(workflow: typeof flow, userId: string): Promise<StartedWorkflow> {
  const started = await startViaDiscord(workflow, { userId });
  await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
  return started;
}

describe("/retrieve_results", () => {
  let owned: StartedWorkflow[];
  let userId: string;
  beforeAll(async () => {
    userId = freshId();
    owned = [];
    for (const input of ["https://a.example/", "https://b.example/"]) {
      const started = await startViaDiscord(flow, { input, userId });
      await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
      owned.push(started);
    }
  });

  it("defers (ephemeral), then edits the reply with the result, and records the retrieval", async () => {
    const target = owned[0] as StartedWorkflow;
    const edited = await retrieveEdited({ userId, guildId: freshId() }, target.workflowId);
    expect(edited.flags & 64).toBe(64);
    expect(JSON.stringify(edited.embeds)).toContain("https://a.example/");
    expect(JSON.stringify(edited.embeds)).toContain(`workflow ${target.workflowId}`);
    expect(edited.attachments.map((a) => a.filename)).toEqual(["report.md", "result.json"]);
    await expect
      .poll(
        async () =>
          (
            await env.DB.prepare("SELECT retrieval_count FROM results WHERE workflow_id = ?")
              .bind(target.workflowId)
              .first<{ retrieval_count: number }>()
          )?.retrieval_count,
        { timeout: 10_000 },
      )
      .toBe(1);
  });

  it("tells a stranger 'not found' at once, the same as for an unknown id", async () => {
    const target = owned[0] as StartedWorkflow;
    const stranger = await answerNow(
      { userId: freshId(), guildId: target.guildId },
      target.workflowId,
    );
    const unknown = await answerNow({ userId, guildId: freshId() }, crypto.randomUUID());
    const garbage = await answerNow({ userId, guildId: freshId() }, "not-an-id");
    for (const reply of [stranger, unknown, garbage]) {
      expect(reply.type).toBe(4);
      expect(reply.data.content).toBe(NOT_FOUND_TEXT);
      expect(reply.data.flags).toBe(64);
    }
  });

  it("lets a member with Manage Guild retrieve in the guild the workflow ran in, not elsewhere", async () => {
    const target = owned[1] as StartedWorkflow;
    const admin = { userId: freshId(), guildId: target.guildId, permissions: MANAGE_GUILD };
    const ok = await retrieveEdited(admin, target.workflowId);
    expect(JSON.stringify(ok.embeds)).toContain("https://b.example/");
    const elsewhere = await answerNow({ ...admin, guildId: freshId() }, target.workflowId);
    expect(elsewhere.data.content).toBe(NOT_FOUND_TEXT);
  });

  it("without an id lists the caller's recent results, newest first", async () => {
    const reply = await answerNow({ userId, guildId: freshId() });
    const content = reply.data.content ?? "";
    expect(reply.data.flags).toBe(64);
    expect(content.indexOf(owned[1]?.workflowId ?? "?")).toBeLessThan(
      content.indexOf(owned[0]?.workflowId ?? "?"),
    );
    const nobody = await answerNow({ userId: freshId(), guildId: freshId() });
    expect(nobody.data.content).toBe("You have no stored results yet.");
  });

  it("autocompletes the caller's results, newest first, filtered by what they typed", async () => {
    const body = retrieveCommand(
      { userId, guildId: freshId() },
      [{ name: "workflow_id", type: 3, value: "", focused: true }],
      4,
    );
    const all = (await (await sendInteraction(body)).json()) as Reply;
    expect(all.type).toBe(8);
    expect(all.data.choices?.map((c) => c.value)).toEqual([
      owned[1]?.workflowId,
      owned[0]?.workflowId,
    ]);
    expect(all.data.choices?.[0]?.name).toMatch(
      /^retrieve_flow · https:\/\/b\.example\/ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · completed$/,
    );
    const typed = retrieveCommand(
      { userId, guildId: freshId() },
      [{ name: "workflow_id", type: 3, value: "a.example", focused: true }],
      4,
    );
    const filtered = (await (await sendInteraction(typed)).json()) as Reply;
    expect(filtered.data.choices?.map((c) => c.value)).toEqual([owned[0]?.workflowId]);
    const stranger = retrieveCommand(
      { userId: freshId(), guildId: freshId() },
      [{ name: "workflow_id", type: 3, value: "", focused: true }],
      4,
    );
    expect(((await (await sendInteraction(stranger)).json()) as Reply).data.choices).toEqual([]);
  });

  it("sends a result.json over 1 MB as an attachment of the edit, its bytes intact", async () => {
    const started = await finished(hugeFlow, userId);
    const edited = await retrieveEdited({ userId, guildId: freshId() }, started.workflowId);
    const stored = await loadStoredResult(env.RESULTS, resultPrefix(started.workflowId));
    if (!stored) throw new Error("the result is not stored");
    const expected = resultFiles(stored.meta, stored.result);
    const json = expected.find((file) => file.name === "result.json");
    expect(new TextEncoder().encode(String(json?.data)).byteLength).toBeGreaterThan(1_000_000);
    expect(edited.attachments).toEqual(
      await Promise.all(
        expected.map(async (file) => ({
          id: expect.any(String),
          filename: file.name,
          size: new TextEncoder().encode(String(file.data)).byteLength,
          content_type: file.contentType,
          sha256: await sha256Hex(file.data),
        })),
      ),
    );
  });

  it("replaces a file above the interaction's attachment_size_limit by a working download link", async () => {
    const started = await finished(longReportFlow, userId);
    const edited = await retrieveEdited({ userId, guildId: freshId() }, started.workflowId, 8192);
    // report.md (20 KB) is over the limit; result.json is not, and stays attached.
    expect(edited.attachments.map((a) => a.filename)).toEqual(["result.json"]);
    const description = String((edited.embeds[0] as { description?: string }).description);
    const link = /\*\*report\.md\*\* .*\[download it\]\((http:\/\/bot\.test\/files\/[^)]+)\)/.exec(
      description,
    )?.[1];
    expect(link, description).toBeDefined();
    const url = new URL(link as string);
    expect(url.pathname).toBe(`/files/${resultPrefix(started.workflowId)}report.md`);
    // Valid as long as the result is kept (RESULT_RETENTION_DAYS from its creation).
    const row = await env.DB.prepare("SELECT created_at FROM results WHERE workflow_id = ?")
      .bind(started.workflowId)
      .first<{ created_at: number }>();
    const expires = Number(url.searchParams.get("sig")?.split(".")[0]);
    expect(expires).toBe(Math.floor(((row?.created_at ?? 0) + 30 * DAY_MS) / 1000));

    const download = await exports.default.fetch(url.toString());
    expect(download.status).toBe(200);
    const stored = await env.RESULTS.get(`${resultPrefix(started.workflowId)}report.md`);
    expect(await download.text()).toBe(await stored?.text());

    const tampered = new URL(url);
    tampered.pathname = `/files/${resultPrefix(owned[0]?.workflowId ?? "")}report.md`;
    const refused = await exports.default.fetch(tampered.toString());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ status: 403 });
  });
});
