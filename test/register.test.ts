import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../src/interactions/definitions.ts";
import { registry } from "../src/interactions/registry.ts";
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
    const result = await registerCommands(settings);
    expect(result.scope).toBe("global");
    const routed = [...registry.commands.keys()].sort();
    expect(commandDefinitions.map((c) => c.name).sort()).toEqual(routed);
    expect(await registeredNames(`/applications/${settings.applicationId}/commands`)).toEqual(
      routed,
    );
  });

  it("registers in one guild when DISCORD_GUILD_ID is given", async () => {
    const guildId = `${Date.now()}`;
    const result = await registerCommands({ ...settings, guildId });
    expect(result.scope).toBe(`guild ${guildId}`);
    expect(
      await registeredNames(`/applications/${settings.applicationId}/guilds/${guildId}/commands`),
    ).toEqual(result.names.sort());
  });

  it("explains a rejected bot token clearly", async () => {
    await expect(registerCommands({ ...settings, botToken: "not-the-token" })).rejects.toThrow(
      new RegistrationError(
        "Discord rejected the bot token (401 Unauthorized). Check DISCORD_BOT_TOKEN.",
      ),
    );
  });

  it("refuses to run without an application id", async () => {
    await expect(registerCommands({ ...settings, applicationId: "" })).rejects.toThrow(
      /DISCORD_APPLICATION_ID/,
    );
  });
});
