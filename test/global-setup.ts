import type { TestProject } from "vitest/node";
import { startDiscordEmulator } from "../emulator/server.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startDiscordEmulator({ port: 0 });
  project.provide("discordApiBase", emulator.apiBase);
  project.provide("discordEmulatorOrigin", emulator.origin);
  project.provide("discordPublicKey", emulator.publicKeyHex);
  project.provide("discordApplicationId", emulator.applicationId);
  project.provide("discordBotToken", emulator.botToken);
  return () => emulator.close();
}
