// The answers a user gets are in their client's language (the interaction's `locale`), through
// the real signed endpoint and the bot's real handlers.
import { describe, expect, it } from "vitest";
import { discordText } from "../../src/discord/render/localized-text.ts";
import type { Locale } from "../../src/i18n/locales.ts";
import { renderText } from "../../src/i18n/text-ref.ts";
import { trusted } from "../../src/i18n/translator.ts";
import { pickedView } from "../../src/interactions/commands/workflows.ts";
import type { ResultIndexRow } from "../../src/results/result-index.ts";
import { autointelWorkflow } from "../../src/workflows/autointel/definition.ts";
import { freshId } from "../helpers/emulator.ts";
import { commandData, interactionFrom, sendInteraction } from "../helpers/workflow-harness.ts";

interface Reply {
  type: number;
  data: { content: string; flags: number };
}

async function command(
  locale: string,
  name: string,
  options: Record<string, string> = {},
): Promise<Reply> {
  const body = { ...interactionFrom({ userId: freshId() }, 2, commandData(name, options)), locale };
  const res = await sendInteraction(body);
  const reply = (await res.json()) as Reply;
  expect(reply.type, JSON.stringify(reply)).toBe(4);
  expect(reply.data.flags).toBe(64);
  return reply;
}

describe.each(["de", "ja"] as const)("replies in %s", (locale: Locale) => {
  const t = discordText(locale);
  const english = discordText("en-US");

  it("/ping answers in the user's language", async () => {
    const { data } = await command(locale, "ping");
    const ms = Number(/\d+/.exec(data.content)?.[0]);
    expect(data.content).toBe(t("interactions.pong", { ms }));
    expect(data.content).not.toBe(english("interactions.pong", { ms }));
  });

  it("/notify answers in the user's language", async () => {
    expect((await command(locale, "notify", { state: "on" })).data.content).toBe(
      t("interactions.notify.on"),
    );
    expect((await command(locale, "notify", { state: "maybe" })).data.content).toBe(
      t("interactions.notify.badState"),
    );
    expect(t("interactions.notify.on")).not.toBe(english("interactions.notify.on"));
  });

  it("/workflows answers in the user's language", async () => {
    const { data } = await command(locale, "workflows");
    expect(data.content).toBe(t("interactions.workflows.none"));
    expect(data.content).not.toBe(english("interactions.workflows.none"));
  });

  it("a bad option of /autointel is refused in the user's language, nothing started", async () => {
    const raw = { url: "ftp://example.com" };
    const parsed = autointelWorkflow.parseOptions(raw);
    if (parsed.ok) throw new Error("the URL should have been refused");
    const { data } = await command(locale, "autointel", raw);
    expect(data.content).toBe(
      t("interactions.optionsRejected", { problem: trusted(renderText(t, parsed.error)) }),
    );
  });

  it("labels the /workflows buttons in the user's language", () => {
    const row = {
      workflow_id: crypto.randomUUID(),
      command: "autointel",
      input: "https://example.com",
      status: "failed",
      delivered_at: null,
      completed_at: Date.now(),
    } as unknown as ResultIndexRow;
    const view = pickedView({ running: [], recent: [row] }, row.workflow_id, Date.now(), locale);
    const buttons = JSON.stringify(view?.components);
    expect(buttons).toContain(t("interactions.workflows.showResultButton"));
    expect(buttons).toContain(t("interactions.workflows.runAgainButton"));
    expect(buttons).toContain(t("interactions.workflows.pickPlaceholder"));
    expect(view?.content).toContain(t("results.status.failed"));
    expect(buttons).not.toContain(english("interactions.workflows.showResultButton"));
  });
});

describe("languages and malformed interactions", () => {
  it("a language the bot does not speak is answered in English", async () => {
    const { data } = await command("xx", "workflows");
    expect(data.content).toBe(discordText("en-US")("interactions.workflows.none"));
  });

  it("a malformed interaction is told in the sender's language", async () => {
    const body = {
      ...interactionFrom({ userId: freshId() }, 2, commandData("ping")),
      locale: "de",
      guild_id: "not-a-snowflake",
    };
    const reply = (await (await sendInteraction(body)).json()) as Reply;
    const t = discordText("de");
    expect(reply.data.content).toBe(
      t("interactions.malformed", {
        problem: trusted(t("interactions.shape.notSnowflake", { field: "guild_id" })),
      }),
    );
  });
});
