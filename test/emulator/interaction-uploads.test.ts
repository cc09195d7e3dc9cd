import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { sha256Hex } from "../helpers/file-reply.ts";
import { expectDiscordError, interactionWebhook } from "./support.ts";

const KB = 1024;

function upload(payload: object, file: File): FormData {
  const form = new FormData();
  form.set("payload_json", JSON.stringify(payload));
  form.set("files[0]", file);
  return form;
}

/** Bytes that differ along their length, so a truncated or reordered copy hashes otherwise. */
function patterned(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
}

describe("files in interaction responses (Discord fails multipart answers above ~150 KB)", () => {
  it("refuses a multipart HTTP answer over 150 KB: nothing is posted, the interaction failed", async () => {
    const channelId = freshId();
    const small = await emulator.sendInteraction({
      url: emulator.echoBotUrl({ fileBytes: 100 * KB }),
      interaction: { channel_id: channelId, data: { name: "x", type: 1 } },
    });
    expect(small.error).toBeUndefined();
    const [posted] = await emulator.messages({ token: small.token });
    expect(posted?.attachments.map((a) => a.size)).toEqual([100 * KB]);

    const large = await emulator.sendInteraction({
      url: emulator.echoBotUrl({ fileBytes: 200 * KB }),
      interaction: { channel_id: channelId, data: { name: "x", type: 1 } },
    });
    expect(large.status).toBe(200);
    expect(large.error).toMatch(/40005/);
    expect(await emulator.messages({ token: large.token })).toEqual([]);
    // Never acknowledged: the token's webhook routes do not work.
    const followup = await emulator.api(interactionWebhook(large.token), {
      method: "POST",
      json: { content: "late" },
    });
    await expectDiscordError(followup, 404, 10015);
  });

  it("refuses a multipart callback over 150 KB with 40005 and takes a smaller one", async () => {
    const large = await emulator.createInteractionToken({ deferred: false });
    const body = { type: 4, data: { content: "files" } };
    const refused = await emulator.api(
      `/interactions/${large.interactionId}/${large.token}/callback`,
      { method: "POST", body: upload(body, new File([patterned(200 * KB)], "big.bin")) },
    );
    await expectDiscordError(refused, 413, 40005);
    const small = await emulator.createInteractionToken({ deferred: false });
    const taken = await emulator.api(
      `/interactions/${small.interactionId}/${small.token}/callback`,
      { method: "POST", body: upload(body, new File([patterned(100 * KB)], "ok.bin")) },
    );
    expect(taken.status).toBe(204);
  });

  it("takes files far above 150 KB in an edit of @original and records their bytes' hash", async () => {
    const { token } = await emulator.createInteractionToken({ ephemeral: true });
    const bytes = patterned(1200 * KB);
    const res = await emulator.api(interactionWebhook(token, "/messages/@original"), {
      method: "PATCH",
      body: upload({ content: "here" }, new File([bytes], "result.json")),
    });
    expect(res.status).toBe(200);
    const [original] = await emulator.messages({ token });
    expect(original?.attachments).toMatchObject([
      { filename: "result.json", size: bytes.byteLength, sha256: await sha256Hex(bytes) },
    ]);
  });

  it("refuses a file above the interaction's attachment_size_limit with 40005, on edits and follow-ups", async () => {
    const { token } = await emulator.createInteractionToken({ attachmentSizeLimit: 1000 });
    const original = interactionWebhook(token, "/messages/@original");
    const over = new File([patterned(1001)], "over.bin");
    await expectDiscordError(
      await emulator.api(original, { method: "PATCH", body: upload({}, over) }),
      413,
      40005,
    );
    await expectDiscordError(
      await emulator.api(interactionWebhook(token), { method: "POST", body: upload({}, over) }),
      413,
      40005,
    );
    const at = new File([patterned(1000)], "at.bin");
    const ok = await emulator.api(original, { method: "PATCH", body: upload({}, at) });
    expect(ok.status).toBe(200);
  });
});
