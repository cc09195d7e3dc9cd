import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import type { DiscordMessage } from "./support.ts";

function upload(payload: object, files: File[]): FormData {
  const form = new FormData();
  form.set("payload_json", JSON.stringify(payload));
  for (const [index, file] of files.entries()) form.set(`files[${index}]`, file);
  return form;
}

describe("multipart messages (payload_json + files[n])", () => {
  it("stores the payload and the files as attachments", async () => {
    const channelId = freshId();
    const form = upload(
      {
        content: "report",
        attachments: [{ id: 1, filename: "renamed.csv", description: "numbers" }],
      },
      [new File(["hello"], "a.txt", { type: "text/plain" }), new File(["1,2,3"], "b.csv")],
    );
    const res = await emulator.api(`/channels/${channelId}/messages`, {
      method: "POST",
      body: form,
    });
    expect(res.status).toBe(200);
    const message = (await res.json()) as DiscordMessage;
    expect(message.content).toBe("report");
    expect(message.attachments).toMatchObject([
      { filename: "a.txt", size: 5, content_type: "text/plain" },
      { filename: "renamed.csv", size: 5, description: "numbers" },
    ]);

    const [stored] = await emulator.messages({ channelId });
    expect(stored?.attachments.map((a) => [a.filename, a.size])).toEqual([
      ["a.txt", 5],
      ["renamed.csv", 5],
    ]);
  });

  it("logs the parsed payload and the file metadata", async () => {
    const channelId = freshId();
    const form = upload({ content: "with file" }, [
      new File(["abc"], "x.bin", { type: "application/zip" }),
    ]);
    await emulator.api(`/channels/${channelId}/messages`, { method: "POST", body: form });
    const [request] = await emulator.requests(channelId);
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.body).toEqual({
      payload_json: { content: "with file" },
      files: [{ field: "files[0]", filename: "x.bin", size: 3, contentType: "application/zip" }],
    });
  });

  it("accepts a file without any content", async () => {
    const form = upload({}, [new File(["x"], "only.txt")]);
    const res = await emulator.api(`/channels/${freshId()}/messages`, {
      method: "POST",
      body: form,
    });
    expect(res.status).toBe(200);
  });

  it("keeps only the attachments an edit lists, plus new files", async () => {
    const { token } = await emulator.createInteractionToken();
    const original = `/webhooks/${emulator.applicationId}/${token}/messages/@original`;
    const first = upload({ content: "v1" }, [
      new File(["1"], "one.txt"),
      new File(["22"], "two.txt"),
    ]);
    const v1 = (await (
      await emulator.api(original, { method: "PATCH", body: first })
    ).json()) as DiscordMessage;
    const two = v1.attachments.find((a) => a.filename === "two.txt");

    const second = upload({ content: "v2", attachments: [{ id: two?.id }] }, [
      new File(["333"], "three.txt"),
    ]);
    const res = await emulator.api(original, { method: "PATCH", body: second });
    expect(res.status).toBe(200);
    const v2 = (await res.json()) as DiscordMessage;
    expect(v2.attachments.map((a) => a.filename)).toEqual(["two.txt", "three.txt"]);
    const [stored] = await emulator.messages({ token });
    expect(stored?.edits).toBe(2);
  });
});
