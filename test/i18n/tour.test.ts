// The tour: every command and every button a user meets, once in Japanese and once in German,
// through the real endpoint, the queue, the trackers and the emulator. Every message the bot
// shows (replies, progress, results, refusals) must be in the user's or the server's language:
// its catalog text present and no English catalog sentence in it.
import "../../src/workflows/index.ts";
import { describe, expect, inject, it, vi } from "vitest";
import type { Locale } from "../../src/i18n/locales.ts";
import { workflowIdFor } from "../../src/queue/start.ts";
import { type EmulatedMessage, emulator, freshId } from "../helpers/emulator.ts";
import { editedOriginal } from "../helpers/file-reply.ts";
import { messageTexts } from "../helpers/markdown-hazards.ts";
import {
  commandData,
  interactionFrom,
  sendInteraction,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";
import { BOT_ALL, MEMBER_READS, seededChannel } from "../workflows/export/export-harness.ts";
import { languageProblems } from "./language-check.ts";

const MANAGE_GUILD = String(1n << 5n);
const EPHEMERAL = 1 << 6;
/** A slow workflow of the test kind: its progress message and Cancel button are the engine's. */
const slow = defineTestWorkflow("tour_slow", [
  { delayMs: 10 },
  { delayMs: 60_000, progressSteps: 600 },
]);

interface Said {
  what: string;
  body: unknown;
}

type Component = { type: number; custom_id?: string; components?: Component[]; url?: string };

function buttonsOf(message: { components?: unknown }): string[] {
  const ids: string[] = [];
  const walk = (list: Component[] | undefined) => {
    for (const component of list ?? []) {
      if (component.custom_id && component.type === 2) ids.push(component.custom_id);
      walk(component.components);
    }
  };
  walk(message.components as Component[] | undefined);
  return ids;
}

class Tour {
  readonly said: Said[] = [];
  readonly guildId = freshId();
  readonly userId = freshId();
  constructor(readonly locale: Locale) {}

  /** A fresh interaction in `channelId` of this tour's server: its token and where it is. */
  async placeIn(channelId: string) {
    const issued = await emulator.createInteractionToken({
      channelId,
      guildId: this.guildId,
      userId: this.userId,
      ttlMs: 120_000,
    });
    const place = {
      guildId: this.guildId,
      channelId,
      token: issued.token,
      id: issued.interactionId,
    };
    return { issued, place };
  }

  /** Sends an interaction in this tour's language; records every message it answers with. */
  async send(what: string, body: Record<string, unknown>, workflows = [slow]) {
    const response = await sendInteraction(
      { ...body, locale: this.locale, guild_locale: this.locale },
      workflows,
    );
    const reply = (await response.json()) as { type: number; data?: Record<string, unknown> };
    if (reply.data && (reply.data.content || reply.data.embeds))
      this.said.push({ what, body: reply.data });
    const flags = Number(reply.data?.flags ?? 0);
    // A file reply: deferred, ephemeral, its answer sent later by editing @original.
    if (reply.type === 5 && (flags & EPHEMERAL) !== 0)
      this.said.push({ what: `${what} (answer)`, body: await editedOriginal(String(body.token)) });
    // A start (a command or Run again): the workflow's first message on that token.
    else if (reply.type === 5)
      this.said.push({ what: `${what} (message)`, body: await editedOriginal(String(body.token)) });
    return reply;
  }

  async command(what: string, name: string, options: Record<string, string> = {}, extra = {}) {
    const channelId = freshId();
    const { issued, place } = await this.placeIn(channelId);
    const body = {
      ...interactionFrom(
        { userId: this.userId, permissions: `${MANAGE_GUILD}` },
        2,
        commandData(name, options),
        place,
      ),
      app_permissions: BOT_ALL,
      ...extra,
    };
    const reply = await this.send(what, body);
    return { reply, issued, channelId };
  }

  async press(what: string, customId: string, message: EmulatedMessage, channelId: string) {
    const { place } = await this.placeIn(channelId);
    const body = {
      ...interactionFrom(
        { userId: this.userId },
        3,
        { custom_id: customId, component_type: 2 },
        place,
      ),
      message: { ...message, id: message.id, channel_id: channelId },
    };
    return this.send(what, body);
  }

  async original(token: string): Promise<EmulatedMessage> {
    let found: EmulatedMessage | undefined;
    await vi.waitFor(
      async () => {
        found = (await emulator.messages({ token }))[0];
        expect(found).toBeDefined();
      },
      { timeout: 30_000, interval: 50 },
    );
    return found as EmulatedMessage;
  }

  problems(): string[] {
    return this.said.flatMap(({ what, body }) =>
      languageProblems(messageTexts(body).join("\n"), this.locale).map((p) => `${what}: ${p}`),
    );
  }
}

async function tourIn(locale: Locale): Promise<Tour> {
  const tour = new Tour(locale);
  await tour.command("/ping", "ping");
  await tour.command("/notify on", "notify", { state: "on" });
  await tour.command("/notify off", "notify", { state: "off" });
  await tour.command(
    "/callback set (refused)",
    "callback",
    {},
    {
      data: {
        id: freshId(),
        name: "callback",
        type: 1,
        options: [{ name: "set", type: 1, options: [{ name: "url", type: 3, value: "ftp://x" }] }],
      },
    },
  );
  await tour.command(
    "/callback clear",
    "callback",
    {},
    {
      data: { id: freshId(), name: "callback", type: 1, options: [{ name: "clear", type: 1 }] },
    },
  );
  await tour.command("/autointel (bad url)", "autointel", { url: "not a web address" });
  await tour.command("/retrieve_results (unknown)", "retrieve_results", {
    workflow_id: crypto.randomUUID(),
  });

  // A site analysis to its result, then the result's buttons.
  const site = `${inject("testSiteOrigin")}/`;
  const analysis = await tour.command("/autointel", "autointel", { url: site, depth: "quick" });
  const analysisId = await workflowIdFor(emulator.applicationId, analysis.issued.interactionId);
  await waitForWorkflow(analysisId, (s) => s.deliveryState === "delivered", 60_000);
  const result = await tour.original(analysis.issued.token);
  tour.said.push({ what: "autointel result", body: result });
  for (const id of buttonsOf(result))
    await tour.press(`result button ${id.split(":")[0]}`, id, result, analysis.channelId);

  // A slow workflow: its progress message and the Cancel button.
  const running = await tour.command("/tour_slow", "tour_slow", { input: "tour" });
  const runningId = await workflowIdFor(emulator.applicationId, running.issued.interactionId);
  await waitForWorkflow(runningId, (s) => s.currentStage === 1);
  let progress: EmulatedMessage | undefined;
  await vi.waitFor(
    async () => {
      progress = await tour.original(running.issued.token);
      expect(buttonsOf(progress).some((id) => id.startsWith("cancel:"))).toBe(true);
    },
    { timeout: 30_000, interval: 50 },
  );
  tour.said.push({ what: "progress message", body: { content: progress?.content } });
  const list = await tour.command("/workflows", "workflows");
  const listed = { id: freshId(), ...list.reply.data } as unknown as EmulatedMessage;
  for (const id of buttonsOf(listed).filter((id) => !id.startsWith("cancel:")))
    await tour.press(`/workflows button ${id.split(":")[0]}`, id, listed, list.channelId);
  for (const id of buttonsOf(progress as EmulatedMessage))
    await tour.press(
      `progress button ${id.split(":")[0]}`,
      id,
      progress as EmulatedMessage,
      running.channelId,
    );
  await waitForWorkflow(runningId, (s) => s.deliveryState === "delivered", 60_000);
  tour.said.push({ what: "cancelled result", body: await tour.original(running.issued.token) });

  // An export of a small channel, to its result.
  const { channelId } = await seededChannel(30, { name: "general" });
  const exporting = await tour.command(
    "/export",
    "export",
    {},
    {
      data: {
        id: freshId(),
        name: "export",
        type: 1,
        options: [
          { name: "channel", type: 7, value: channelId },
          { name: "format", type: 3, value: "txt" },
        ],
        resolved: {
          channels: {
            [channelId]: { id: channelId, type: 0, name: "general", permissions: MEMBER_READS },
          },
        },
      },
    },
  );
  const exportId = await workflowIdFor(emulator.applicationId, exporting.issued.interactionId);
  await waitForWorkflow(exportId, (s) => s.deliveryState === "delivered", 60_000);
  tour.said.push({ what: "export result", body: await tour.original(exporting.issued.token) });

  await tour.command("/retrieve_results", "retrieve_results");
  await tour.command("/retrieve_results <id>", "retrieve_results", { workflow_id: analysisId });
  return tour;
}

describe("the tour of every command and button", () => {
  for (const locale of ["ja", "de"] as const) {
    it(`speaks ${locale} everywhere`, { timeout: 240_000 }, async () => {
      const tour = await tourIn(locale);
      expect(tour.said.length).toBeGreaterThanOrEqual(14);
      expect(tour.problems()).toEqual([]);
    });
  }
});
