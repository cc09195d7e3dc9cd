// A result speaks the language of whoever reads it: the workflow's public language where others
// see it, the owner's in a DM, the asker's in /retrieve_results; a result stored before languages
// (no locales in its meta, no locale in its index row) reads in English.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { tellOwnersOfExhaustedRedrives } from "../../src/cron/redrive-exhausted.ts";
import type { WorkflowLocales } from "../../src/i18n/workflow-locales.ts";
import { createLogger } from "../../src/log.ts";
import { startWorkflow } from "../../src/queue/start.ts";
import { persistResult, type StoredResultMeta } from "../../src/results/result-store.ts";
import { retentionSettings } from "../../src/results/retention-settings.ts";
import { type EmulatedMessage, emulator, freshId } from "../helpers/emulator.ts";
import { editedOriginal, withReplyToken } from "../helpers/file-reply.ts";
import {
  commandData,
  interactionFrom,
  type StartedWorkflow,
  sendInteraction,
  TEST_TOKEN_TTL_MS,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, type TestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("languages_flow", [{ delayMs: 10 }]);
const failing = defineTestWorkflow("languages_failing_flow", [{ fatal: true }]);
/** Slow enough to lose its token before it finishes. */
const slow = defineTestWorkflow("languages_slow_flow", [{ delayMs: 600, progressSteps: 3 }]);
const GERMAN_JAPANESE: WorkflowLocales = { user: "ja", public: "de" };

type Embed = { title?: string; description?: string; footer?: { text: string } };
type Button = { label?: string };

/** Starts `workflow` through the real start path (the queue), speaking `locales`. */
async function startIn(
  workflow: TestWorkflow,
  locales: WorkflowLocales,
  userId = freshId(),
): Promise<StartedWorkflow> {
  const channelId = freshId();
  const guildId = freshId();
  const issued = await emulator.createInteractionToken({
    ttlMs: TEST_TOKEN_TTL_MS,
    channelId,
    guildId,
    userId,
  });
  const workflowId = await startWorkflow(
    env,
    workflow.definition,
    { input: "https://example.com/" },
    {
      userId,
      guildId,
      channelId,
      applicationId: emulator.applicationId,
      interactionId: issued.interactionId,
      interactionToken: issued.token,
      receivedAt: Date.now(),
      locales,
    },
  );
  return {
    workflowId,
    token: issued.token,
    tokenExpiresAt: issued.expiresAt,
    channelId,
    userId,
    guildId,
    reply: { type: 5 },
  };
}

const embedOf = (message: EmulatedMessage | undefined) => message?.embeds[0] as Embed | undefined;
const labelsOf = (message: EmulatedMessage | undefined) =>
  (message?.components as { components: Button[] }[] | undefined)?.flatMap((row) =>
    row.components.map((button) => button.label),
  );

async function delivered(started: StartedWorkflow): Promise<EmulatedMessage | undefined> {
  await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
  return (await emulator.messages({ token: started.token }))[0];
}

/** The DM channel the bot opened with `userId`, once it did. */
async function dmChannelOf(userId: string): Promise<string> {
  let channelId = "";
  await vi.waitFor(
    async () => {
      const opened = (await emulator.requests("/users/@me/channels")).find((r) =>
        JSON.stringify(r.body).includes(userId),
      );
      channelId = (opened?.response as { id?: string } | undefined)?.id ?? "";
      if (!channelId) throw new Error("no DM opened yet");
    },
    { timeout: 20_000, interval: 50 },
  );
  return channelId;
}

/** /retrieve_results as `userId` whose Discord client speaks `locale`: the edited reply. */
async function retrieveAs(userId: string, locale: string, workflowId: string) {
  const data = {
    id: freshId(),
    name: "retrieve_results",
    type: 1,
    options: [{ name: "workflow_id", type: 3, value: workflowId }],
  };
  const { body, token } = await withReplyToken({
    ...interactionFrom({ userId }, 2, data, { guildId: freshId() }),
    locale,
  });
  const answer = (await (await sendInteraction(body)).json()) as { type: number };
  expect(answer.type).toBe(5);
  return editedOriginal(token);
}

async function answerNow(userId: string, locale: string, options: Record<string, string> = {}) {
  const body = {
    ...interactionFrom({ userId }, 2, commandData("retrieve_results", options)),
    locale,
  };
  return ((await (await sendInteraction(body)).json()) as { data: { content: string } }).data
    .content;
}

describe("a result in its readers' languages", () => {
  it("posts the result in the workflow's public language (German), buttons included", async () => {
    const done = await delivered(await startIn(flow, GERMAN_JAPANESE));
    const embed = embedOf(done);
    expect(embed?.title).toBe("✅ Test languages_flow abgeschlossen");
    expect(embed?.footer?.text).toMatch(/^Workflow [0-9a-f-]{36}$/);
    expect(embed?.description).toContain("Der vollständige Bericht ist angehängt");
    expect(embed?.description).not.toContain("The full report");

    const failed = await startIn(failing, GERMAN_JAPANESE);
    await waitForWorkflow(failed.workflowId, (s) => s.deliveryState === "delivered");
    const [message] = await emulator.messages({ token: failed.token });
    expect(embedOf(message)?.title).toBe("❌ Test languages_failing_flow fehlgeschlagen");
    expect(embedOf(message)?.description).toContain("**Was nun:** Drücke **Wiederholen**");
    expect(labelsOf(message)).toEqual(["Wiederholen", "Neu starten"]);
  });

  it("sends the result by DM in the owner's language (Japanese) when it has to", async () => {
    const started = await startIn(slow, GERMAN_JAPANESE);
    const { channelId } = started;
    await emulator.injectFault({
      match: `/channels/${channelId}/webhooks`,
      kind: "missing_permission",
      times: -1,
    });
    await emulator.injectFault({
      match: `/channels/${channelId}/messages`,
      kind: "missing_access",
      times: -1,
    });
    await emulator.expireToken(started.token);
    const done = await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
    );
    expect(done.deliveryRoute).toBe("dm");
    const [dm] = await emulator.messages({ channelId: await dmChannelOf(started.userId) });
    expect(embedOf(dm)?.title).toBe("✅ Test languages_slow_flowが完了しました");
    expect(embedOf(dm)?.footer?.text).toBe(`ワークフロー ${started.workflowId}`);
  });

  it("sends the /notify DM in the owner's language (Japanese)", async () => {
    const userId = freshId();
    const on = { ...interactionFrom({ userId }, 2, commandData("notify", { state: "on" })) };
    expect((await sendInteraction(on)).status).toBe(200);
    const started = await startIn(flow, GERMAN_JAPANESE, userId);
    await delivered(started);
    const channelId = await dmChannelOf(userId);
    let ready: EmulatedMessage | undefined;
    await vi.waitFor(
      async () => {
        ready = (await emulator.messages({ channelId })).find((m) => m.content.startsWith("🔔"));
        if (!ready) throw new Error("no ready DM yet");
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(ready?.content).toContain("**Test languages\\_flow** の結果が準備できました（完了）");
    expect(ready?.content).toContain(`/retrieve_results workflow_id:${started.workflowId}`);
  });

  it("answers /retrieve_results in the asker's language, whatever the workflow spoke", async () => {
    const started = await startIn(flow, GERMAN_JAPANESE);
    await delivered(started);
    const french = await retrieveAs(started.userId, "fr", started.workflowId);
    expect(embedOf(french)?.title).toBe("✅ Test languages_flow — terminé");
    expect(embedOf(french)?.description).toContain("Le rapport complet est joint");

    const notFound = await answerNow(started.userId, "es-ES", { workflow_id: crypto.randomUUID() });
    expect(notFound).toContain("No encuentro ningún resultado con ese ID");
    expect(notFound).toContain("30 días");
    const listing = await answerNow(started.userId, "pt-BR");
    expect(listing).toContain("Seus resultados recentes");
    expect(listing).toContain(started.workflowId);
    expect(listing).toContain("concluído");
  });

  it("reads a result stored before languages in English, and its re-drive notice too", async () => {
    const userId = freshId();
    const old = await storeOldResult(userId);
    const english = await retrieveAs(userId, "en-US", old.workflowId);
    expect(embedOf(english)?.title).toBe("✅ Test languages_flow finished");
    expect(embedOf(english)?.description).toContain("📎 The full report is attached");

    // Results their owners never had (the retrieval above counts as having it).
    const untold = await storeOldResult(freshId());
    const german = await storeOldResult(freshId(), { user: "de", public: "de" });
    for (const { workflowId } of [untold, german]) await exhaustRedrives(workflowId);
    const log = createLogger({ test: "result-languages" });
    const s = retentionSettings(env);
    await tellOwnersOfExhaustedRedrives(env, Date.now(), s, 30, log);
    const notices = (await emulator.requests("/messages"))
      .filter((r) => r.method === "POST")
      .map((r) => (r.body as { content?: string } | null)?.content ?? "");
    const noticeOf = (id: string) =>
      notices.find((text) => text.includes(id) && text.startsWith("📭"));
    expect(noticeOf(untold.workflowId)).toContain("I couldn't deliver the result");
    expect(noticeOf(untold.workflowId)).toContain("kept for 30 days");
    expect(noticeOf(german.workflowId)).toContain("Ich konnte das Ergebnis");
    expect(noticeOf(german.workflowId)).toContain("30 Tage aufbewahrt");
  });

  it("refuses a broken download link in the browser's language", async () => {
    const url = "http://bot.test/files/results/x/report.md";
    const german = await exports.default.fetch(url, {
      headers: { "accept-language": "de-DE,de;q=0.9" },
    });
    expect(german.status).toBe(403);
    expect(((await german.json()) as { error: string }).error).toBe(
      "Diesem Download-Link fehlt die Signatur.",
    );
    const plain = await exports.default.fetch(url);
    expect(((await plain.json()) as { error: string }).error).toBe(
      "This download link has no signature.",
    );
  });
});

/**
 * A result as a release before languages stored it: result.json without `locales`, its index
 * row without a locale (or, given `locales`, as this release stores it).
 */
async function storeOldResult(userId: string, locales?: WorkflowLocales) {
  const workflowId = crypto.randomUUID();
  const now = Date.now();
  const meta: StoredResultMeta = {
    workflowId,
    command: flow.name,
    input: "https://old.example/",
    userId,
    guildId: null,
    channelId: null,
    status: "completed",
    createdAt: now,
    completedAt: now,
    error: null,
    ...(locales ? { locales } : {}),
  };
  await persistResult(env, meta, { summary: "Done.", markdown: "# Old\n", data: { ok: true } });
  return meta;
}

/** Orphaned, with its re-drives used up: the cron's notice is due. */
async function exhaustRedrives(workflowId: string): Promise<void> {
  await env.DB.prepare(
    "UPDATE results SET redrive_attempts = ?, next_redrive_at = ? WHERE workflow_id = ?",
  )
    .bind(retentionSettings(env).redriveMaxAttempts, Date.now() - 1, workflowId)
    .run();
}
