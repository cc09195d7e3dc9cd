import type { common } from "../../../src/i18n/catalogs/en/common.ts";
import type { SamplesOf } from "./samples-of.ts";

export const commonSamples: SamplesOf<typeof common> = {
  "common.untranslated": { text: "As given" },
  "common.unknownError": {},
  "common.pages": { count: 3 },
  "common.url.invalid": {},
  "common.url.scheme": { scheme: "ftp:" },
  "common.url.credentials": {},
  "common.url.noHost": {},
  "common.url.emptySegment": {},
  "common.url.unreadableHost": {},
  "common.url.singleLabelHost": { host: "intranet" },
  "common.url.internalName": { host: "printer.local" },
  "common.url.specialAddress": { range: "private (10.0.0.0/8)" },
  "common.url.loopback": {},
  "common.url.port": { port: "8080" },
  "common.url.httpsOnly": {},
  "common.url.noPublicAddress": { host: "example.invalid" },
  "common.url.aliasInternal": { host: "www.example.com", target: "db.internal" },
  "common.url.resolvesTo": { host: "evil.example", address: "10.0.0.1 (private (10.0.0.0/8))" },
  "common.url.cnameChain": { host: "loop.example", max: 8 },
  "common.url.uncheckable": { host: "www.python.org" },
};
