import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { APIInteraction } from "discord-api-types/v10";
import { beforeAll, describe, expect, it } from "vitest";
import { discordText } from "../../src/discord/render/localized-text.ts";
import type { InteractionContext } from "../../src/interactions/context.ts";
import { dispatchInteraction } from "../../src/interactions/dispatch.ts";
import { createRegistry } from "../../src/interactions/registry.ts";
import { ephemeral } from "../../src/interactions/replies.ts";
import { createLogger } from "../../src/log.ts";
import {
  createSigner,
  type InteractionSigner,
  sendToBot,
  signedRequest,
} from "../helpers/signed-request.ts";

const base = {
  id: "10",
  application_id: "20",
  token: "tok",
  version: 1,
  channel_id: "30",
  locale: "en-US",
};
const user = { id: "40", username: "ada", discriminator: "0", global_name: "Ada", avatar: null };

function command(name: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ ...base, type: 2, user, data: { id: "50", name, type: 1, ...extra } });
}

function context(): InteractionContext {
  return {
    env,
    ctx: createExecutionContext(),
    log: createLogger({ test: true }),
    receivedAt: Date.now(),
  };
}

// These interactions are in English (locale en-US).
const UNKNOWN_COMMAND = discordText("en-US")("interactions.unknownCommand");
const HANDLER_FAILED = discordText("en-US")("interactions.handlerFailed");

describe("interaction dispatch", () => {
  let signer: InteractionSigner;
  beforeAll(async () => {
    signer = await createSigner();
  });

  it("/ping answers an ephemeral pong through the real endpoint", async () => {
    const res = await sendToBot(await signedRequest(signer, command("ping")), signer);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: number; data: { content: string; flags: number } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/^Pong! Answered in \d+ ms\.$/);
  });

  it("an unknown command gets an ephemeral 'unknown command', not a 500", async () => {
    const res = await sendToBot(await signedRequest(signer, command("does-not-exist")), signer);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      type: 4,
      data: { content: UNKNOWN_COMMAND, flags: 64 },
    });
  });

  it("an unknown button gets the same ephemeral answer", async () => {
    const click = JSON.stringify({
      ...base,
      type: 3,
      user,
      message: { id: "60" },
      data: { custom_id: "nobody:123", component_type: 2 },
    });
    const res = await sendToBot(await signedRequest(signer, click), signer);
    expect(await res.json()).toMatchObject({
      type: 4,
      data: { content: UNKNOWN_COMMAND, flags: 64 },
    });
  });

  it("autocomplete for a command without suggestions answers an empty choice list", async () => {
    const auto = JSON.stringify({
      ...base,
      type: 4,
      user,
      data: { id: "50", name: "ping", type: 1, options: [] },
    });
    const res = await sendToBot(await signedRequest(signer, auto), signer);
    expect(await res.json()).toEqual({ type: 8, data: { choices: [] } });
  });

  it("an unknown interaction type is answered, not crashed on", async () => {
    const odd = JSON.stringify({ ...base, type: 99, user });
    const res = await sendToBot(await signedRequest(signer, odd), signer);
    // No message reply is known to be valid for a type we do not know: a JSON error instead.
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "Body is not an interaction: unknown interaction type 99",
      status: 400,
    });
  });

  it("a handler that throws becomes an ephemeral apology without a stack trace", async () => {
    const registry = createRegistry({
      commands: [
        {
          definition: { name: "boom", description: "explodes" },
          execute: () => {
            throw new Error("secret internals at line 42");
          },
        },
      ],
    });
    const interaction = JSON.parse(command("boom")) as APIInteraction;
    const res = await dispatchInteraction(interaction, registry, context());
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      type: 4,
      data: { content: HANDLER_FAILED, flags: 64 },
    });
    expect(text).not.toContain("secret internals");
  });

  it("buttons and modals route by custom_id prefix and receive the payload", async () => {
    const seen: string[] = [];
    const registry = createRegistry({
      components: [
        {
          prefix: "cancel",
          execute: (_i, payload) => {
            seen.push(`button ${payload}`);
            return ephemeral("ok");
          },
        },
      ],
      modals: [
        {
          prefix: "feedback",
          execute: (_i, payload) => {
            seen.push(`modal ${payload}`);
            return ephemeral("ok");
          },
        },
      ],
    });
    const click = {
      ...base,
      type: 3,
      user,
      message: { id: "1" },
      data: { custom_id: "cancel:wf-1", component_type: 2 },
    };
    const modal = { ...base, type: 5, user, data: { custom_id: "feedback:wf-2", components: [] } };
    await dispatchInteraction(click as unknown as APIInteraction, registry, context());
    await dispatchInteraction(modal as unknown as APIInteraction, registry, context());
    expect(seen).toEqual(["button wf-1", "modal wf-2"]);
  });
});
