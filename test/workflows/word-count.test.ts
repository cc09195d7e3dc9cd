import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { kindCommand } from "../../src/interactions/definitions.ts";
import { workflowIdFor } from "../../src/queue/start.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { editedOriginal, expectDeferredEphemeral } from "../helpers/file-reply.ts";
import {
  interactionFrom,
  retrieveResults,
  sendInteraction,
  TEST_TOKEN_TTL_MS,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { wordCountWorkflow } from "./word-count/definition.ts";

// The kind of docs/adding-a-workflow.md: one folder, and this one line where src/workflows/
// index.ts would list it. Nothing in src/interactions/ names it.
registerWorkflow(wordCountWorkflow);

/** 120 words: the count stage yields twice (50 words per invocation). */
const TEXT = Array.from({ length: 40 }, () => "the cat sat").join(" ");

describe("a workflow kind added as one folder plus one line", () => {
  it("has a slash command named as the kind, from its own definition", () => {
    expect(kindCommand(wordCountWorkflow)).toMatchObject({
      name: "word_count",
      description: "Count the words of a text",
      description_localizations: { fr: "Compter les mots d'un texte" },
      // The kind's own option, then the engine's (whose language the public messages speak).
      options: [
        { name: "text", type: 3, required: true },
        { name: "language", type: 3, required: false },
      ],
    });
  });

  it("starts from Discord, runs its stages, delivers its result, and is retrievable", async () => {
    const [channelId, guildId, userId] = [freshId(), freshId(), freshId()];
    const issued = await emulator.createInteractionToken({
      ttlMs: TEST_TOKEN_TTL_MS,
      channelId,
      guildId,
      userId,
    });
    const command = {
      id: freshId(),
      name: "word_count",
      type: 1,
      options: [{ name: "text", type: 3, value: TEXT }],
    };
    const place = { id: issued.interactionId, token: issued.token, guildId, channelId };
    // The bot's own handler table: the command is found from the kind.
    const reply = await sendInteraction(interactionFrom({ userId }, 2, command, place));
    expect(((await reply.json()) as { type: number }).type).toBe(5); // deferred

    const workflowId = await workflowIdFor(emulator.applicationId, issued.interactionId);
    const done = await waitForWorkflow(workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    expect(done.stages.map((s) => [s.name, s.status])).toEqual([
      ["split", "done"],
      ["count", "done"],
    ]);
    const events = await trackerStub(env, workflowId).events(0);
    expect(events.filter((e) => e.type === "stage_yielded")).toHaveLength(2);

    const delivered = JSON.stringify(await emulator.messages({ token: issued.token }));
    expect(delivered).toContain("120 words, cat most often");

    const retrieval = await retrieveResults({
      workflowId,
      token: issued.token,
      tokenExpiresAt: issued.expiresAt,
      channelId,
      guildId,
      userId,
      reply: { type: 5 },
    });
    await expectDeferredEphemeral(retrieval.response);
    const retrieved = await editedOriginal(retrieval.token);
    expect(JSON.stringify(retrieved)).toContain("120 words, cat most often");
  });
});
