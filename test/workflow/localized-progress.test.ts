import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { expiryWarning, progressMessage, startNotice } from "../../src/tracker/progress-message.ts";
import { localesOf } from "../../src/tracker/row-locales.ts";
import { TrackerStore } from "../../src/tracker/store.ts";
import { emulator, type RecordedRequest } from "../helpers/emulator.ts";
import { inFreshTracker } from "../helpers/fresh-tracker.ts";
import { startInLocale } from "../helpers/localized-start.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// The token lives 6 s (usable for 5 s); these workflows run about 8 s, so they get the start
// notice, the reply-window warnings and (in a server) the handoff, long after the interaction.
const plans = [
  { delayMs: 1500, progressSteps: 5 },
  { delayMs: 3500, progressSteps: 10 },
  { delayMs: 3000, progressSteps: 10 },
];
const germanFlow = defineTestWorkflow("localized_server_flow", plans, { estimateMs: 9000 });
const japaneseFlow = defineTestWorkflow("localized_dm_flow", plans, { estimateMs: 9000 });
const cancelledFlow = defineTestWorkflow("localized_cancelled_flow", [{ delayMs: 3000 }]);

const text = (call: RecordedRequest) => JSON.stringify(call.body);
const ephemeral = (calls: RecordedRequest[]) =>
  calls.filter((c) => c.method === "POST" && text(c).includes('"flags":64')).map(text);
const originalEdits = (calls: RecordedRequest[]) =>
  calls.filter((c) => c.method === "PATCH" && c.path.endsWith("/messages/@original")).map(text);

describe("the engine's messages sent long after the interaction", () => {
  it("speak the server's language in public and the user's in what only they see", async () => {
    const started = await startInLocale(germanFlow, { locale: "fr", guildLocale: "de" });
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const tokenCalls = await emulator.requests(started.token);

    // The progress message the channel sees: German, its button too, no English left.
    const edits = originalEdits(tokenCalls);
    const progress = edits.filter((body) => body.includes("Schritt 1/3"));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toContain("Laufzeit");
    expect(progress[0]).toContain("Antwortfenster: noch");
    expect(progress[0]).toContain('"label":"Abbrechen"');
    expect(edits.join("\n")).not.toMatch(/stage \d\/3|reply window|"label":"Cancel"/);

    // The handoff: the original points to the new message, which carries German progress.
    expect(
      edits.some((body) => body.includes("➡️ Der Fortschritt geht hier weiter: https://")),
    ).toBe(true);
    const handoff = (await emulator.messages({ channelId: started.channelId })).find(
      (m) => m.source === "webhook",
    );
    const handoffEdits = (await emulator.requests(`/messages/${handoff?.id}`)).map(text);
    expect(handoffEdits.some((body) => /Schritt [23]\/3/.test(body))).toBe(true);
    expect(
      handoffEdits.some((body) => body.includes("Discords Antwortfenster ist geschlossen")),
    ).toBe(true);

    // The start notice and the reply-window warnings are ephemeral: the user's French.
    const notes = ephemeral(tokenCalls);
    expect(
      notes.some((body) => body.includes("plus que la fenêtre de réponse de 15 minutes")),
    ).toBe(true);
    const warnings = notes.filter((body) =>
      body.includes("La fenêtre de réponse de Discord pour cette commande se ferme dans"),
    );
    expect(warnings.length).toBeGreaterThan(0);
    expect(notes.join("\n")).not.toMatch(/reply window|Antwortfenster/);
  });

  it("speak Japanese to a user in the bot's DM", async () => {
    const started = await startInLocale(japaneseFlow, { locale: "ja", inDm: true });
    await waitForWorkflow(
      started.workflowId,
      (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
    );
    const tokenCalls = await emulator.requests(started.token);
    const progress = originalEdits(tokenCalls).filter((body) => body.includes("ステージ 1/3"));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toContain("応答期限まで残り");
    expect(progress[0]).toContain('"label":"キャンセル"');
    // Progress moved to a bot message in the DM; the original points there.
    expect(
      originalEdits(tokenCalls).some((body) =>
        body.includes("➡️ 進捗はこちらで続きます：https://discord.com/channels/@me/"),
      ),
    ).toBe(true);
    const notes = ephemeral(tokenCalls);
    expect(notes.some((body) => body.includes("Discordの15分間の応答期限を超えます"))).toBe(true);
    expect(notes.some((body) => body.includes("このコマンドに対するDiscordの応答期限まで"))).toBe(
      true,
    );
    expect([...notes, ...originalEdits(tokenCalls)].join("\n")).not.toMatch(
      /reply window|stage \d\/3/,
    );
  });
});

describe("why a workflow stopped", () => {
  it("is said in the public language it is shown in", async () => {
    const started = await startInLocale(cancelledFlow, { locale: "en-US", guildLocale: "es-ES" });
    expect(await trackerStub(env, started.workflowId).cancel(started.userId)).toEqual({ ok: true });
    const done = await waitForWorkflow(started.workflowId, (s) => s.status === "cancelled");
    expect(done.error).toBe("Cancelado por quien lo inició.");
  });
});

/** A workflow row as a release before languages wrote it: no locale columns. */
const OLD_ROW = `INSERT INTO workflow (id, workflow_id, name, options_json, input_label, user_id,
  application_id, interaction_id, interaction_token, received_at, token_expires_at, estimate_ms,
  deadline_at, status, stage_count, created_at)
  VALUES (1, 'wf-before-languages', 'gone_flow', '{}', 'x', 'u', 'a', 'i', 't', 1000, 900000, 10,
  60000, 'running', 3, 1000)`;

describe("a tracker created before languages", () => {
  it("wakes up with no languages and speaks English", async () => {
    const seen = await inFreshTracker((_store, sql) => {
      sql.exec("DELETE FROM workflow");
      for (const column of ["user_locale", "public_locale"])
        sql.exec(`ALTER TABLE workflow DROP COLUMN ${column}`);
      sql.exec(OLD_ROW);
      const row = new TrackerStore(sql).workflow();
      if (!row) throw new Error("the old row is gone");
      const locales = localesOf(row);
      return {
        columns: [row.user_locale, row.public_locale],
        progress: progressMessage(row, "Old flow", 5000),
        notice: startNotice(locales.user, row.workflow_id, 1_200_000),
        warning: expiryWarning(locales.user, row.workflow_id, 120_000),
      };
    });
    expect(seen.columns).toEqual([null, null]);
    expect(seen.progress.content).toContain("stage 1/3");
    expect(seen.progress.content).toContain("reply window: 15 min left");
    expect(JSON.stringify(seen.progress.components)).toContain('"label":"Cancel"');
    expect(seen.notice).toContain("This will take about 20 min");
    expect(seen.warning).toContain("Discord's reply window for this command closes in 2 min");
  });
});
