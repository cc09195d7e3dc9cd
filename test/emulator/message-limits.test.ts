import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { expectDiscordError, postToChannel } from "./support.ts";

const x = (n: number) => "x".repeat(n);
const field = (name = "n", value = "v") => ({ name, value });
const button = (i: number, extra: object = {}) => ({
  type: 2,
  style: 2,
  label: `b${i}`,
  custom_id: `b:${i}`,
  ...extra,
});
const row = (...components: object[]) => ({ type: 1, components });

/** [limit, a payload at the limit, the same payload one over, the error path]. */
const LIMITS: [string, (n: number) => object, number, string[]][] = [
  ["content", (n) => ({ content: x(n) }), 2000, ["content"]],
  [
    "embed count",
    (n) => ({ embeds: Array.from({ length: n }, () => ({ title: "t" })) }),
    10,
    ["embeds"],
  ],
  ["title", (n) => ({ embeds: [{ title: x(n) }] }), 256, ["embeds", "0", "title"]],
  [
    "description",
    (n) => ({ embeds: [{ description: x(n) }] }),
    4096,
    ["embeds", "0", "description"],
  ],
  [
    "field count",
    (n) => ({ embeds: [{ fields: Array.from({ length: n }, () => field()) }] }),
    25,
    ["embeds", "0", "fields"],
  ],
  [
    "field name",
    (n) => ({ embeds: [{ fields: [field(x(n))] }] }),
    256,
    ["embeds", "0", "fields", "0", "name"],
  ],
  [
    "field value",
    (n) => ({ embeds: [{ fields: [field("n", x(n))] }] }),
    1024,
    ["embeds", "0", "fields", "0", "value"],
  ],
  [
    "footer",
    (n) => ({ embeds: [{ footer: { text: x(n) } }] }),
    2048,
    ["embeds", "0", "footer", "text"],
  ],
  [
    "author name",
    (n) => ({ embeds: [{ author: { name: x(n) } }] }),
    256,
    ["embeds", "0", "author", "name"],
  ],
  [
    "action rows",
    (n) => ({ components: Array.from({ length: n }, (_, i) => row(button(i))) }),
    5,
    ["components"],
  ],
  [
    "buttons per row",
    (n) => ({ components: [row(...Array.from({ length: n }, (_, i) => button(i)))] }),
    5,
    ["components", "0", "components"],
  ],
  [
    "custom_id",
    (n) => ({ components: [row(button(0, { custom_id: x(n) }))] }),
    100,
    ["components", "0", "components", "0", "custom_id"],
  ],
  [
    "button label",
    (n) => ({ components: [row(button(0, { label: x(n) }))] }),
    80,
    ["components", "0", "components", "0", "label"],
  ],
  [
    "select options",
    (n) => ({
      components: [
        row({
          type: 3,
          custom_id: "pick",
          options: Array.from({ length: n }, (_, i) => ({ label: `o${i}`, value: `${i}` })),
        }),
      ],
    }),
    25,
    ["components", "0", "components", "0", "options"],
  ],
];

function errorAt(errors: unknown, path: string[]): unknown {
  let node = errors;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as { _errors?: unknown } | undefined)?._errors;
}

describe("message limits", () => {
  it.each(LIMITS)(
    "%s: accepts the limit exactly, refuses one more with 50035",
    async (_name, build, limit, path) => {
      const channelId = freshId();
      expect((await postToChannel(channelId, build(limit))).status).toBe(200);
      const body = await expectDiscordError(
        await postToChannel(channelId, build(limit + 1)),
        400,
        50035,
      );
      expect(body.message).toBe("Invalid Form Body");
      expect(errorAt(body.errors, path)).toEqual([
        expect.objectContaining({ code: "BASE_TYPE_MAX_LENGTH" }),
      ]);
    },
  );

  it("refuses content or embeds with IS_COMPONENTS_V2, and contradictory allowed_mentions", async () => {
    const channelId = freshId();
    const v2 = { flags: 1 << 15, content: "hi", components: [{ type: 10, content: "text" }] };
    const refused = await expectDiscordError(await postToChannel(channelId, v2), 400, 50035);
    expect(errorAt(refused.errors, ["content"])).toBeDefined();
    const { content: _content, ...componentsOnly } = v2;
    expect((await postToChannel(channelId, componentsOnly)).status).toBe(200);
    const both = { content: "x", allowed_mentions: { parse: ["users"], users: ["1"] } };
    const conflict = await expectDiscordError(await postToChannel(channelId, both), 400, 50035);
    expect(errorAt(conflict.errors, ["allowed_mentions", "users"])).toBeDefined();
  });

  it("limits the text of all embeds together to 6000 characters", async () => {
    const channelId = freshId();
    const embeds = (description: number) => [
      { description: x(4096) },
      { title: x(256), description: x(description) },
    ];
    expect((await postToChannel(channelId, { embeds: embeds(6000 - 4096 - 256) })).status).toBe(
      200,
    );
    const res = await postToChannel(channelId, { embeds: embeds(6001 - 4096 - 256) });
    const body = await expectDiscordError(res, 400, 50035);
    expect(errorAt(body.errors, ["embeds"])).toEqual([
      expect.objectContaining({ code: "MAX_EMBED_SIZE_EXCEEDED" }),
    ]);
  });

  it("counts characters, not UTF-16 units", async () => {
    const res = await postToChannel(freshId(), { content: "😀".repeat(2000) });
    expect(res.status).toBe(200);
  });

  it("reports every problem of a message at once", async () => {
    const res = await postToChannel(freshId(), { content: x(2001), embeds: [{ title: x(257) }] });
    const body = await expectDiscordError(res, 400, 50035);
    expect(errorAt(body.errors, ["content"])).toBeDefined();
    expect(errorAt(body.errors, ["embeds", "0", "title"])).toBeDefined();
  });

  it("requires field names and values", async () => {
    const res = await postToChannel(freshId(), { embeds: [{ fields: [{ name: "only a name" }] }] });
    const body = await expectDiscordError(res, 400, 50035);
    expect(errorAt(body.errors, ["embeds", "0", "fields", "0", "value"])).toEqual([
      expect.objectContaining({ code: "BASE_TYPE_REQUIRED" }),
    ]);
  });

  it.each([
    ["no fields", {}],
    ["empty content", { content: "" }],
    ["blank content", { content: "  \n " }],
    ["empty embeds", { content: "", embeds: [] }],
  ])("refuses an empty message (%s) with 50006", async (_label, payload) => {
    const body = await expectDiscordError(await postToChannel(freshId(), payload), 400, 50006);
    expect(body.message).toBe("Cannot send an empty message");
  });

  it("accepts a message with only an embed", async () => {
    expect((await postToChannel(freshId(), { embeds: [{ title: "t" }] })).status).toBe(200);
  });

  it("refuses a file over 10 MiB with 413 40005", async () => {
    const form = new FormData();
    form.set("payload_json", JSON.stringify({ content: "big" }));
    form.set("files[0]", new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.bin"));
    const res = await emulator.api(`/channels/${freshId()}/messages`, {
      method: "POST",
      body: form,
    });
    const body = await expectDiscordError(res, 413, 40005);
    expect(body.message).toBe("Request entity too large");
  });

  it("applies the same limits to interaction follow-ups and webhook executions", async () => {
    const { token } = await emulator.createInteractionToken();
    const followup = await emulator.api(`/webhooks/${emulator.applicationId}/${token}`, {
      method: "POST",
      json: { content: x(2001) },
    });
    await expectDiscordError(followup, 400, 50035);
    const webhook = (await (
      await emulator.api(`/channels/${freshId()}/webhooks`, {
        method: "POST",
        json: { name: "limits" },
      })
    ).json()) as { id: string; token: string };
    const executed = await emulator.api(`/webhooks/${webhook.id}/${webhook.token}?wait=true`, {
      method: "POST",
      json: { embeds: Array.from({ length: 11 }, () => ({ title: "t" })) },
    });
    await expectDiscordError(executed, 400, 50035);
  });
});
