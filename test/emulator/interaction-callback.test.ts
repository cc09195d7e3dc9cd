import { describe, expect, it } from "vitest";
import { emulator } from "../helpers/emulator.ts";
import { expectDiscordError, interactionWebhook } from "./support.ts";

function callback(interactionId: string, token: string, json: unknown, query = "") {
  return emulator.api(`/interactions/${interactionId}/${token}/callback${query}`, {
    method: "POST",
    json,
  });
}

describe("POST /interactions/{id}/{token}/callback", () => {
  it("records a type-4 answer as @original and refuses a second answer with 40060", async () => {
    const { interactionId, token } = await emulator.createInteractionToken({ deferred: false });
    expect(await emulator.messages({ token })).toEqual([]);
    const res = await callback(interactionId, token, { type: 4, data: { content: "hello" } });
    expect(res.status).toBe(204);
    const [original] = await emulator.messages({ token });
    expect(original).toMatchObject({ source: "interaction", content: "hello" });

    const again = await callback(interactionId, token, { type: 4, data: { content: "twice" } });
    await expectDiscordError(again, 400, 40060);
  });

  it("defers with type 5 and answers with_response=true with the callback resource", async () => {
    const { interactionId, token } = await emulator.createInteractionToken({ deferred: false });
    const res = await callback(
      interactionId,
      token,
      { type: 5, data: { flags: 64 } },
      "?with_response=true",
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      interaction: {
        id: string;
        response_message_loading: boolean;
        response_message_ephemeral: boolean;
      };
      resource: { type: number; message: { id: string } };
    };
    expect(body.interaction).toMatchObject({
      id: interactionId,
      response_message_loading: true,
      response_message_ephemeral: true,
    });
    expect(body.resource.type).toBe(5);
    const [original] = await emulator.messages({ token });
    expect(original?.id).toBe(body.resource.message.id);
  });

  it("refuses follow-ups before the interaction is answered", async () => {
    const { token } = await emulator.createInteractionToken({ deferred: false });
    const res = await emulator.api(interactionWebhook(token), {
      method: "POST",
      json: { content: "x" },
    });
    await expectDiscordError(res, 404, 10015);
  });

  it("answers 10062 for the wrong interaction id", async () => {
    const { token } = await emulator.createInteractionToken({ deferred: false });
    const res = await callback("1", token, { type: 5 });
    await expectDiscordError(res, 404, 10062);
  });

  it("validates the response type and the message limits", async () => {
    const { interactionId, token } = await emulator.createInteractionToken({ deferred: false });
    await expectDiscordError(await callback(interactionId, token, { type: 3 }), 400, 50035);
    const tooLong = { type: 4, data: { content: "x".repeat(2001) } };
    await expectDiscordError(await callback(interactionId, token, tooLong), 400, 50035);
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: i }));
    await expectDiscordError(
      await callback(interactionId, token, { type: 8, data: { choices } }),
      400,
      50035,
    );
    // Refused answers do not acknowledge: a valid one still works.
    expect(
      (await callback(interactionId, token, { type: 4, data: { content: "ok" } })).status,
    ).toBe(204);
  });

  it("answers 401 50027 for an expired token", async () => {
    const { interactionId, token } = await emulator.createInteractionToken({ deferred: false });
    await emulator.expireToken(token);
    await expectDiscordError(await callback(interactionId, token, { type: 5 }), 401, 50027);
  });
});
