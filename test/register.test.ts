import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { describeDiff } from "../src/command-diff.ts";
import { commandDefinitions } from "../src/interactions/definitions.ts";
import { commandHandler, registry } from "../src/interactions/registry.ts";
import { RegistrationError, registerCommands } from "../src/register-commands.ts";

const settings = {
  applicationId: env.DISCORD_APPLICATION_ID,
  botToken: env.DISCORD_BOT_TOKEN,
  apiBase: env.DISCORD_API_BASE,
};

async function registeredNames(path: string): Promise<string[]> {
  const res = await fetch(`${env.DISCORD_API_BASE}${path}`, {
    headers: { authorization: `Bot ${env.DISCORD_BOT_TOKEN}` },
  });
  return ((await res.json()) as { name: string }[]).map((c) => c.name).sort();
}

describe("command registration", () => {
  it("registers exactly the commands the router answers, globally", async () => {
    const result = await registerCommands(settings, commandDefinitions);
    expect(result.scope).toBe("global");
    // Every command sent has a handler (a kind's is found from the kind), and every one of the
    // bot's own handlers is sent.
    const names = commandDefinitions.map((c) => c.name).sort();
    expect(names.filter((name) => commandHandler(registry, name))).toEqual(names);
    expect(names).toEqual(expect.arrayContaining([...registry.commands.keys()]));
    expect(names).toContain("autointel");
    expect(await registeredNames(`/applications/${settings.applicationId}/commands`)).toEqual(
      names,
    );
  });

  it("registers in one development guild when given one (npm run register -- --guild <id>)", async () => {
    const guildId = `${Date.now()}`;
    const result = await registerCommands({ ...settings, guildId }, commandDefinitions);
    expect(result.scope).toBe(`guild ${guildId}`);
    expect(
      await registeredNames(`/applications/${settings.applicationId}/guilds/${guildId}/commands`),
    ).toEqual(result.names.sort());
  });

  it("says what it changed: new, changed (which fields), removed and unchanged commands", async () => {
    const guildId = `${Date.now()}9`;
    const guild = { ...settings, guildId };
    const first = await registerCommands(guild, commandDefinitions);
    expect(first.diff.added.sort()).toEqual(commandDefinitions.map((c) => c.name).sort());
    const again = await registerCommands(guild, commandDefinitions);
    expect(again.diff).toMatchObject({ added: [], removed: [], changed: [] });
    expect(again.diff.unchanged).toHaveLength(commandDefinitions.length);

    const [ping, ...rest] = commandDefinitions;
    const edited = rest.map((c) =>
      c.name === "autointel" ? { ...c, description: "New words" } : c,
    );
    const third = await registerCommands(guild, edited);
    expect(third.diff.removed).toEqual([ping?.name]);
    expect(third.diff.changed).toEqual([{ name: "autointel", fields: ["description"] }]);
    expect(describeDiff(third.diff)).toEqual([
      "  ~ /autointel: description changed",
      "  - /ping (removed)",
      `  = unchanged: ${rest
        .filter((c) => c.name !== "autointel")
        .map((c) => `/${c.name}`)
        .join(", ")}`,
    ]);
  });

  it("declares where each command works, and no deprecated dm_permission", () => {
    for (const command of commandDefinitions) {
      expect(command.contexts, command.name).toBeDefined();
      expect(command.integration_types, command.name).toBeDefined();
      expect(command, command.name).not.toHaveProperty("dm_permission");
    }
    const callback = commandDefinitions.find((c) => c.name === "callback");
    expect(callback).toMatchObject({
      contexts: [0],
      integration_types: [0],
      default_member_permissions: String(1 << 5),
    });
    const autointel = commandDefinitions.find((c) => c.name === "autointel");
    expect(autointel).toMatchObject({ contexts: [0, 1, 2], integration_types: [0, 1] });
  });

  it("explains a rejected bot token clearly", async () => {
    await expect(
      registerCommands({ ...settings, botToken: "not-the-token" }, commandDefinitions),
    ).rejects.toThrow(
      new RegistrationError(
        "Discord rejected the bot token (401 Unauthorized). Check DISCORD_BOT_TOKEN.",
      ),
    );
  });

  it("fails loudly, naming the command and field, when Discord refuses a localized name", async () => {
    const guildId = `${Date.now()}7`;
    const [ping, ...rest] = commandDefinitions;
    for (const [bad, field] of [
      ["Ping", "/ping name_localizations"],
      ["ping pong", "/ping name_localizations"],
      ["p".repeat(33), "/ping name_localizations"],
    ] as const) {
      const broken = [
        { ...ping, name_localizations: { de: bad } },
        ...rest,
      ] as typeof commandDefinitions;
      const refusal = registerCommands({ ...settings, guildId }, broken);
      await expect(refusal).rejects.toBeInstanceOf(RegistrationError);
      await expect(refusal).rejects.toThrow(
        `${field}: Command name is invalid (APPLICATION_COMMAND_INVALID_NAME)`,
      );
    }
    // Nothing was registered: Discord takes a list whole or not at all.
    expect(
      await registeredNames(`/applications/${settings.applicationId}/guilds/${guildId}/commands`),
    ).toEqual([]);
  });

  it("refuses to run without an application id", async () => {
    await expect(
      registerCommands({ ...settings, applicationId: "" }, commandDefinitions),
    ).rejects.toThrow(/DISCORD_APPLICATION_ID/);
  });
});
