import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { NOT_FOUND_TEXT } from "../../src/interactions/commands/retrieve-results.ts";
import { freshId } from "../helpers/emulator.ts";
import { readReply } from "../helpers/interaction-reply.ts";
import {
  interactionFrom,
  type StartedWorkflow,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("retrieve_flow", [{ delayMs: 10 }]);
const bigFlow = defineTestWorkflow("retrieve_big_flow", [{ delayMs: 10 }], { reportChars: 12_000 });

const MANAGE_GUILD = String(1 << 5);

type Reply = {
  type: number;
  data: {
    content?: string;
    flags?: number;
    embeds?: unknown[];
    choices?: { name: string; value: string }[];
  };
};

function retrieveCommand(
  actor: { userId: string; guildId: string; permissions?: string },
  options: unknown[],
  type: 2 | 4 = 2,
) {
  const data = { id: freshId(), name: "retrieve_results", type: 1, options };
  return interactionFrom(actor, type, data, { guildId: actor.guildId });
}

async function retrieve(
  actor: { userId: string; guildId: string; permissions?: string },
  workflowId?: string,
) {
  const options =
    workflowId === undefined ? [] : [{ name: "workflow_id", type: 3, value: workflowId }];
  return sendInteraction(retrieveCommand(actor, options));
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

  it("gives the owner the result, ephemeral, and records the retrieval", async () => {
    const target = owned[0] as StartedWorkflow;
    const res = await retrieve({ userId, guildId: freshId() }, target.workflowId);
    const reply = await readReply<Reply>(res);
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64);
    expect(JSON.stringify(reply.data.embeds)).toContain("https://a.example/");
    expect(JSON.stringify(reply.data.embeds)).toContain(`workflow ${target.workflowId}`);
    const row = await env.DB.prepare("SELECT retrieval_count FROM results WHERE workflow_id = ?")
      .bind(target.workflowId)
      .first<{ retrieval_count: number }>();
    expect(row?.retrieval_count).toBe(1);
  });

  it("tells a stranger 'not found', the same as for an unknown id", async () => {
    const target = owned[0] as StartedWorkflow;
    const stranger = await readReply<Reply>(
      await retrieve({ userId: freshId(), guildId: target.guildId }, target.workflowId),
    );
    const unknown = await readReply<Reply>(
      await retrieve({ userId, guildId: freshId() }, crypto.randomUUID()),
    );
    const garbage = await readReply<Reply>(
      await retrieve({ userId, guildId: freshId() }, "not-an-id"),
    );
    for (const reply of [stranger, unknown, garbage]) {
      expect(reply.data.content).toBe(NOT_FOUND_TEXT);
      expect(reply.data.flags).toBe(64);
    }
  });

  it("lets a member with Manage Guild retrieve in the guild the workflow ran in, not elsewhere", async () => {
    const target = owned[1] as StartedWorkflow;
    const admin = { userId: freshId(), guildId: target.guildId, permissions: MANAGE_GUILD };
    const ok = await readReply<Reply>(await retrieve(admin, target.workflowId));
    expect(JSON.stringify(ok.data.embeds)).toContain("https://b.example/");
    const elsewhere = await readReply<Reply>(
      await retrieve({ ...admin, guildId: freshId() }, target.workflowId),
    );
    expect(elsewhere.data.content).toBe(NOT_FOUND_TEXT);
  });

  it("without an id lists the caller's recent results, newest first", async () => {
    const reply = await readReply<Reply>(await retrieve({ userId, guildId: freshId() }));
    const content = reply.data.content ?? "";
    expect(reply.data.flags).toBe(64);
    expect(content.indexOf(owned[1]?.workflowId ?? "?")).toBeLessThan(
      content.indexOf(owned[0]?.workflowId ?? "?"),
    );
    const nobody = await readReply<Reply>(
      await retrieve({ userId: freshId(), guildId: freshId() }),
    );
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

  it("sends a large result as attachments in a multipart reply", async () => {
    const started = await startViaDiscord(bigFlow, { userId });
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const res = await retrieve({ userId, guildId: freshId() }, started.workflowId);
    expect(res.headers.get("content-type")).toMatch(/^multipart\/form-data/);
    const form = await res.formData();
    const payload = JSON.parse(String(form.get("payload_json"))) as Reply;
    expect(payload.type).toBe(4);
    expect(payload.data.flags).toBe(64);
    const report = form.get("files[0]") as File;
    expect(report.name).toBe("report.md");
    expect((await report.text()).length).toBeGreaterThan(12_000);
    expect((form.get("files[1]") as File).name).toBe("result.json");
  });
});
