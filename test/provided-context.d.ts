// Values the global setup (Node) hands to tests (workerd) through vitest's provide/inject.
// Shared by both tsconfigs, so both sides agree on the keys.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    discordApiBase: string;
    discordEmulatorOrigin: string;
    discordPublicKey: string;
    discordApplicationId: string;
    discordBotToken: string;
    /** The local web sites /autointel analyses (test/support/test-site.ts). */
    testSiteOrigin: string;
    testDeepSiteOrigin: string;
    /** The hostile-site corpus (test/support/hostile-site.ts): one origin per robots.txt. */
    hostileSites: { trap: string; redos: string; overcap: string; delay: string };
    /** One page linking to 500 hosts of one site (test/support/fan-out-site.ts). */
    fanOutSiteOrigin: string;
    /** Records guild callback POSTs (test/support/callback-receiver.ts). */
    callbackReceiverOrigin: string;
    /** The DNS-over-HTTPS stand-in the URL guard asks (test/support/dns-over-https.ts). */
    dnsOverHttpsUrl: string;
  }
}
