import type { TestProject } from "vitest/node";
import { startDiscordEmulator } from "../emulator/server.ts";
import { startCallbackReceiver } from "./support/callback-receiver.ts";
import { startDnsOverHttps } from "./support/dns-over-https.ts";
import { startFanOutSite } from "./support/fan-out-site.ts";
import { startHostileSites } from "./support/hostile-site.ts";
import { startTestSites } from "./support/test-site.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startDiscordEmulator({ port: 0 });
  project.provide("discordApiBase", emulator.apiBase);
  project.provide("discordEmulatorOrigin", emulator.origin);
  project.provide("discordPublicKey", emulator.publicKeyHex);
  project.provide("discordApplicationId", emulator.applicationId);
  project.provide("discordBotToken", emulator.botToken);
  const sites = await startTestSites();
  project.provide("testSiteOrigin", sites.mainOrigin);
  project.provide("testDeepSiteOrigin", sites.deepOrigin);
  const hostile = await startHostileSites();
  project.provide("hostileSites", {
    trap: hostile.trap,
    redos: hostile.redos,
    overcap: hostile.overcap,
    delay: hostile.delay,
  });
  const fanOut = await startFanOutSite();
  project.provide("fanOutSiteOrigin", fanOut.origin);
  const callbacks = await startCallbackReceiver();
  project.provide("callbackReceiverOrigin", callbacks.origin);
  const dns = await startDnsOverHttps();
  project.provide("dnsOverHttpsUrl", dns.url);
  return async () => {
    await Promise.all([
      emulator.close(),
      sites.close(),
      hostile.close(),
      fanOut.close(),
      callbacks.close(),
      dns.close(),
    ]);
  };
}
