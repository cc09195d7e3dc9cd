// The `language` option of a workflow command: whose language the workflow's public messages
// speak, fixed at the start and kept by its tracker; the kind itself never sees the option.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import type { WorkflowLocales } from "../../src/i18n/workflow-locales.ts";
import { runAgainId } from "../../src/results/result-actions.ts";
import {
  commandData,
  pressButton,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow, stageRuns } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("language_flow", [{ delayMs: 10 }]);
const parsedKeys: string[][] = [];
const parse = flow.definition.parseOptions;
flow.definition.parseOptions = (raw, invocation) => {
  parsedKeys.push(Object.keys(raw));
  return parse(raw, invocation);
};

/** The languages the workflow's tracker stored when it started. */
async function storedLocales(workflowId: string): Promise<WorkflowLocales> {
  const stub = env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId));
  const row = await runInDurableObject(
    stub,
    (_instance, state) =>
      state.storage.sql.exec("SELECT user_locale, public_locale FROM workflow").toArray()[0],
  );
  return {
    user: row?.user_locale as WorkflowLocales["user"],
    public: row?.public_locale as WorkflowLocales["public"],
  };
}

async function startDelivered(
  interaction: { locale: string; guild_locale: string },
  language?: string,
) {
  const options = { input: "hello", ...(language ? { language } : {}) };
  const started = await startViaDiscord(flow, {
    interaction: { ...interaction, data: commandData(flow.name, options) },
  });
  await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
  return started;
}

async function startWith(
  interaction: { locale: string; guild_locale: string },
  language?: string,
): Promise<WorkflowLocales> {
  return storedLocales((await startDelivered(interaction, language)).workflowId);
}

describe("the language option of a workflow command", () => {
  it("speaks the server's language in public by default, and to the user in theirs", async () => {
    expect(await startWith({ locale: "ja", guild_locale: "de" })).toEqual({
      user: "ja",
      public: "de",
    });
    expect(await startWith({ locale: "ja", guild_locale: "de" }, "server")).toEqual({
      user: "ja",
      public: "de",
    });
  });

  it("speaks the user's language in public when they choose `mine`", async () => {
    expect(await startWith({ locale: "pt-BR", guild_locale: "fr" }, "mine")).toEqual({
      user: "pt-BR",
      public: "pt-BR",
    });
  });

  it("falls back to English for a language the bot does not speak", async () => {
    expect(await startWith({ locale: "xx", guild_locale: "xx" })).toEqual({
      user: "en-US",
      public: "en-US",
    });
  });

  it("is the engine's: the kind's parseOptions never sees it", async () => {
    parsedKeys.length = 0;
    await startWith({ locale: "de", guild_locale: "de" }, "mine");
    expect(parsedKeys).toEqual([["input"]]);
  });

  it("Run again keeps the languages the first run chose, whatever the button's locale", async () => {
    const started = await startDelivered({ locale: "ja", guild_locale: "de" }, "mine");
    const known = new Set(stageRuns.map((run) => run.workflowId));
    // pressButton's interaction is in English, in a server whose language is English.
    const { reply } = await pressButton(started, started.userId, runAgainId(started.workflowId), [
      flow,
    ]);
    expect(reply.type).toBe(5);
    let again = "";
    await vi.waitFor(
      () => {
        again = stageRuns.find((run) => !known.has(run.workflowId))?.workflowId ?? "";
        expect(again).not.toBe("");
      },
      { timeout: 30_000, interval: 20 },
    );
    expect(await storedLocales(again)).toEqual({ user: "ja", public: "ja" });
  });
});
