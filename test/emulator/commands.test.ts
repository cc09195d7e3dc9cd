import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { expectDiscordError } from "./support.ts";

type Command = {
  id: string;
  name: string;
  description: string;
  application_id: string;
  guild_id?: string;
  version: string;
};

const commands = (guildId: string) =>
  `/applications/${emulator.applicationId}/guilds/${guildId}/commands`;
const put = (path: string, json: unknown) => emulator.api(path, { method: "PUT", json });

describe("command registration", () => {
  it("overwrites a guild's commands with PUT and lists them with GET", async () => {
    const guildId = freshId();
    const res = await put(commands(guildId), [
      { name: "start", description: "Start a workflow" },
      { name: "status", description: "Show status", options: [] },
    ]);
    expect(res.status).toBe(200);
    const stored = (await res.json()) as Command[];
    expect(stored).toMatchObject([
      { name: "start", application_id: emulator.applicationId, guild_id: guildId, type: 1 },
      { name: "status", guild_id: guildId },
    ]);
    const listed = (await (await emulator.api(commands(guildId))).json()) as Command[];
    expect(listed.map((c) => c.name)).toEqual(["start", "status"]);

    const replaced = (await (
      await put(commands(guildId), [{ name: "start", description: "v2" }])
    ).json()) as Command[];
    expect(replaced[0]?.id).toBe(stored[0]?.id);
    expect(replaced[0]?.version).not.toBe(stored[0]?.version);
    const after = (await (await emulator.api(commands(guildId))).json()) as Command[];
    expect(after.map((c) => c.description)).toEqual(["v2"]);
  });

  it("keeps guilds apart", async () => {
    const [a, b] = [freshId(), freshId()];
    await put(commands(a), [{ name: "only-a", description: "a" }]);
    expect(await (await emulator.api(commands(b))).json()).toEqual([]);
  });

  it("registers global commands", async () => {
    const res = await put(`/applications/${emulator.applicationId}/commands`, [
      { name: "ping", description: "Ping" },
    ]);
    expect(res.status).toBe(200);
    const [command] = (await res.json()) as Command[];
    expect(command).toMatchObject({ name: "ping" });
    expect(command?.guild_id).toBeUndefined();
  });

  it.each([
    ["an upper-case name", [{ name: "Start", description: "d" }]],
    ["a name over 32 characters", [{ name: "x".repeat(33), description: "d" }]],
    ["a missing description", [{ name: "start" }]],
    ["a description over 100 characters", [{ name: "start", description: "d".repeat(101) }]],
    [
      "duplicate names",
      [
        { name: "a", description: "d" },
        { name: "a", description: "d" },
      ],
    ],
    ["a body that is not a list", { name: "start", description: "d" }],
  ])("refuses %s with 50035", async (_label, body) => {
    await expectDiscordError(await put(commands(freshId()), body), 400, 50035);
  });

  it("stores and returns a command's localizations", async () => {
    const command = {
      name: "start",
      name_localizations: { de: "starten", ja: "開始" },
      description: "Start",
      description_localizations: { de: "Starten", "es-419": "Iniciar" },
      options: [
        {
          type: 3,
          name: "depth",
          name_localizations: { fr: "profondeur" },
          description: "How deep",
          choices: [{ name: "Quick", name_localizations: { de: "Schnell" }, value: "quick" }],
        },
      ],
    };
    const res = await put(commands(freshId()), [command]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject([command]);
  });

  it.each([
    ["upper case", { name_localizations: { de: "Starten" } }, ["0", "name_localizations"]],
    ["a space", { name_localizations: { fr: "le début" } }, ["0", "name_localizations"]],
    ["33 characters", { name_localizations: { ja: "あ".repeat(33) } }, ["0", "name_localizations"]],
    [
      "an unknown locale",
      { name_localizations: { xx: "start" } },
      ["0", "name_localizations", "xx"],
    ],
    [
      "a description over 100 characters",
      { description_localizations: { de: "d".repeat(101) } },
      ["0", "description_localizations", "de"],
    ],
    [
      "an option name in upper case",
      { options: [{ type: 3, name: "url", description: "d", name_localizations: { de: "URL" } }] },
      ["0", "options", "0", "name_localizations", "de"],
    ],
    [
      "an empty choice name",
      {
        options: [
          {
            type: 3,
            name: "state",
            description: "d",
            choices: [{ name: "on", name_localizations: { fr: "" }, value: "on" }],
          },
        ],
      },
      ["0", "options", "0", "choices", "0", "name_localizations", "fr"],
    ],
  ])("refuses a localized name or text with %s, naming the field", async (_label, extra, path) => {
    const res = await put(commands(freshId()), [{ name: "start", description: "d", ...extra }]);
    const body = (await expectDiscordError(res, 400, 50035)) as { errors: Record<string, unknown> };
    let node: unknown = body.errors;
    for (const key of path) node = (node as Record<string, unknown>)[key];
    expect((node as { _errors: unknown[] })._errors).toHaveLength(1);
  });

  it("refuses another application's commands with 403 50001", async () => {
    const res = await put(`/applications/999999999999999999/commands`, []);
    await expectDiscordError(res, 403, 50001);
  });

  it("creates, edits and deletes a single command", async () => {
    const base = commands(freshId());
    const created = await emulator.api(base, {
      method: "POST",
      json: { name: "one", description: "d" },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Command;
    const edited = await emulator.api(`${base}/${id}`, {
      method: "PATCH",
      json: { description: "new" },
    });
    expect(((await edited.json()) as Command).description).toBe("new");
    expect((await emulator.api(`${base}/${id}`, { method: "DELETE" })).status).toBe(204);
    await expectDiscordError(await emulator.api(`${base}/${id}`), 404, 10063);
  });
});
