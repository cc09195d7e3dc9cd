// The Discord side from the bot token alone, against the emulator playing a new application
// (guild install only): `npm run setup` sets the endpoint URL (validated with a signed PING and a
// forged request) and registers commands that match the install types; --enable-user-install
// turns user install on through the same PATCH; `npm run register` takes a guild only by flag
// and clears it; `npm run invite` prints both links.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import { applicationOf, registeredCommands, runScript, scriptEnv } from "./support/run-deploy.ts";
import { type StandInWorker, startStandInWorker } from "./support/stand-in-worker.ts";

let discord: RunningDiscordEmulator;
let bot: StandInWorker;
let lax: Server;
let laxOrigin: string;

beforeAll(async () => {
  discord = await startDiscordEmulator({ port: 0, installTypes: [0] });
  bot = await startStandInWorker(() => discord.publicKeyHex);
  // Answers every PING, signed or not: Discord refuses such an endpoint.
  lax = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ type: 1 }));
  });
  await new Promise<void>((resolve) => lax.listen(0, "127.0.0.1", resolve));
  laxOrigin = `http://127.0.0.1:${(lax.address() as AddressInfo).port}`;
});
afterAll(async () => {
  lax?.closeAllConnections();
  lax?.close();
  await Promise.all([discord?.close(), bot?.close()]);
});

const npmRun = (script: string, args: string[], extra: Record<string, string> = {}) =>
  runScript(
    process.execPath,
    [`scripts/${script}.ts`, "--vars-file", "/nonexistent/.dev.vars", ...args],
    scriptEnv(null, discord, { DISCORD_BOT_TOKEN: discord.botToken, ...extra }),
  );

async function discordCall(method: string, path: string, body?: unknown) {
  const response = await fetch(`${discord.apiBase}${path}`, {
    method,
    headers: { authorization: `Bot ${discord.botToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("the emulator's /applications/@me", () => {
  it("GET gives the id, the public key and the install types of a new application", async () => {
    const { status, json } = await discordCall("GET", "/applications/@me");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: discord.applicationId,
      verify_key: discord.publicKeyHex,
      interactions_endpoint_url: null,
      integration_types_config: { "0": {} },
    });
  });

  it("PATCH refuses an endpoint that accepts a forged signature, with 50035", async () => {
    const { status, json } = await discordCall("PATCH", "/applications/@me", {
      interactions_endpoint_url: `${laxOrigin}/interactions`,
    });
    expect(status).toBe(400);
    expect(json).toMatchObject({
      code: 50035,
      errors: {
        interactions_endpoint_url: {
          _errors: [{ code: "APPLICATION_INTERACTIONS_ENDPOINT_URL_INVALID" }],
        },
      },
    });
    expect((await applicationOf(discord)).interactions_endpoint_url).toBeNull();
  });

  it("refuses commands declaring user install or other-DM contexts the application lacks", async () => {
    const path = `/applications/${discord.applicationId}/guilds/200000000000000777/commands`;
    const { status, json } = await discordCall("PUT", path, [
      { name: "a", description: "a", integration_types: [0, 1] },
      { name: "b", description: "b", integration_types: [0], contexts: [0, 2] },
      { name: "c", description: "c", integration_types: [0], contexts: [0, 1] },
    ]);
    expect(status).toBe(400);
    expect(json.errors).toEqual({
      "0": {
        integration_types: {
          _errors: [
            expect.objectContaining({ code: "APPLICATION_COMMAND_INTEGRATION_TYPE_NOT_SUPPORTED" }),
          ],
        },
      },
      "1": {
        contexts: {
          _errors: [expect.objectContaining({ code: "APPLICATION_COMMAND_CONTEXT_NOT_SUPPORTED" })],
        },
      },
    });
  });
});

describe("npm run setup, register, invite", () => {
  it("setup: a refused endpoint is one line, exit 1", async () => {
    const run = await npmRun("setup", ["--url", `${laxOrigin}/interactions`]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Discord could not verify http:\/\/127\.0\.0\.1:\d+\/interactions /),
    ]);
  });

  it("setup: sets the endpoint, registers guild-install commands, says how to enable user install", async () => {
    const run = await npmRun("setup", ["--url", `${bot.origin}/interactions`]);
    expect(run.status, run.stderr).toBe(0);
    expect((await applicationOf(discord)).interactions_endpoint_url).toBe(
      `${bot.origin}/interactions`,
    );
    expect(bot.requests).toEqual(["POST /interactions 200", "POST /interactions 401"]);
    const commands = await registeredCommands(discord);
    expect(commands.map((c) => c.name)).toContain("autointel");
    for (const command of commands) expect(command.integration_types).toEqual([0]);
    expect(run.stdout).toContain(
      "add --enable-user-install to `npm run deploy` or `npm run setup`",
    );
    expect(run.stdout).toContain("Next: type /ping in a server");
  });

  it("invite: the server link, and the hint while user install is off", async () => {
    const run = await npmRun("invite", []);
    expect(run.status, run.stderr).toBe(0);
    const url = new URL(
      run.stdout.match(/https:\/\/discord\.com\/oauth2\/authorize\S+/)?.[0] ?? "",
    );
    expect(url.searchParams.get("client_id")).toBe(discord.applicationId);
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    // VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | MANAGE_WEBHOOKS
    expect(url.searchParams.get("permissions")).toBe(
      String((1 << 10) + (1 << 11) + (1 << 14) + (1 << 15) + (1 << 29)),
    );
    for (const name of [
      "View Channel",
      "Send Messages",
      "Embed Links",
      "Attach Files",
      "Manage Webhooks",
    ])
      expect(run.stdout).toMatch(new RegExp(`- ${name}: \\S`));
    expect(run.stdout).toContain("User install is off");
  });

  it("setup --enable-user-install: the PATCH turns it on, commands carry both install types, both links", async () => {
    const run = await npmRun("setup", [
      "--url",
      `${bot.origin}/interactions`,
      "--enable-user-install",
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("(already set)");
    expect((await applicationOf(discord)).integration_types_config).toEqual({ "0": {}, "1": {} });
    const autointel = (await registeredCommands(discord)).find((c) => c.name === "autointel");
    expect(autointel).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    const invite = await npmRun("invite", []);
    const user = new URL(invite.stdout.match(/Add it to your account: +(\S+)/)?.[1] ?? "");
    expect(Object.fromEntries(user.searchParams)).toEqual({
      client_id: discord.applicationId,
      scope: "applications.commands",
      integration_type: "1",
    });
  });

  it("register: a guild only with --guild (never DISCORD_GUILD_ID), and --clear empties it", async () => {
    const guild = "200000000000000555";
    const guildPath = `/applications/${discord.applicationId}/guilds/${guild}/commands`;
    const global = await npmRun("register", [], { DISCORD_GUILD_ID: guild });
    expect(global.status, global.stderr).toBe(0);
    expect(global.stdout).toContain("(global)");
    expect((await discordCall("GET", guildPath)).json).toEqual([]);
    expect(global.stdout).not.toMatch(/up to an hour/);

    const dev = await npmRun("register", ["--guild", guild]);
    expect(dev.stdout).toContain(`(guild ${guild})`);
    expect(
      ((await discordCall("GET", guildPath)).json as unknown as unknown[]).length,
    ).toBeGreaterThan(0);

    const cleared = await npmRun("register", ["--guild", guild, "--clear"]);
    expect(cleared.status, cleared.stderr).toBe(0);
    expect(cleared.stdout).toContain(`Cleared the commands (guild ${guild})`);
    expect((await discordCall("GET", guildPath)).json).toEqual([]);
  });

  it("no bot token: one line saying where to get it, exit 1", async () => {
    const run = await runScript(
      process.execPath,
      ["scripts/invite.ts", "--vars-file", "/nonexistent/.dev.vars"],
      scriptEnv(null, discord),
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "Set DISCORD_BOT_TOKEN in /nonexistent/.dev.vars or the environment: the Bot page of your application at https://discord.com/developers/applications (Reset Token).",
    );
  });
});
