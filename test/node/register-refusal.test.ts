// `npm run register` when Discord refuses a localized name: the script's own refusal path
// (runOrExplain) prints which command and field Discord named, and the process exits 1.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import { runOrExplain } from "../../scripts/discord/target.ts";
import { loadCommandDefinitions } from "../../src/command-definitions-loader.ts";
import { registerCommands } from "../../src/register-commands.ts";

let discord: RunningDiscordEmulator;
beforeAll(async () => {
  discord = await startDiscordEmulator({ port: 0 });
});
afterAll(async () => {
  await discord?.close();
});

describe("npm run register refused by Discord", () => {
  it("prints the refused field and exits 1", async () => {
    const [ping, ...rest] = await loadCommandDefinitions();
    const broken = [{ ...ping, name_localizations: { fr: "Ping Pong" } }, ...rest];
    const printed: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation((line) => {
      printed.push(String(line));
    });
    const exitCode = process.exitCode;
    try {
      await runOrExplain(async () => {
        await registerCommands(
          {
            applicationId: discord.applicationId,
            botToken: discord.botToken,
            apiBase: discord.apiBase,
          },
          broken as typeof rest,
        );
      });
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = exitCode;
      error.mockRestore();
    }
    expect(printed.join("\n")).toContain(
      "/ping name_localizations: Command name is invalid (APPLICATION_COMMAND_INVALID_NAME)",
    );
  });
});
