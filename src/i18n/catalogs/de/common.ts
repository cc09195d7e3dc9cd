import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "Etwas ist schiefgelaufen.",
  "common.pages": ({ count }, f) => f.count(count, { one: "{n} Seite", other: "{n} Seiten" }),
  "common.url.invalid": () => "das ist keine gültige Webadresse",
  "common.url.scheme": ({ scheme }) =>
    `nur http- und https-Adressen sind erlaubt, nicht „${scheme}“`,
  "common.url.credentials": () =>
    "Adressen mit Benutzername oder Passwort (user@host) sind nicht erlaubt",
  "common.url.noHost": () => "sie nennt keinen Host",
  "common.url.emptySegment": () =>
    "ihr Host hat ein leeres Segment (zwei Punkte hintereinander oder ein Punkt am Anfang)",
  "common.url.unreadableHost": () =>
    "ihr Host ist eine numerische oder IPv6-Adresse, die sich nicht sicher lesen lässt",
  "common.url.singleLabelHost": ({ host }) =>
    `„${host}“ ist ein einteiliger Name, der nur in privaten Netzen aufgelöst wird`,
  "common.url.internalName": ({ host }) => `„${host}“ ist ein interner Name`,
  "common.url.specialAddress": ({ range }) =>
    `ihr Host ist eine Sonderadresse, nicht im öffentlichen Internet (${range})`,
  "common.url.loopback": () => "ihr Host ist eine Loopback-Adresse",
  "common.url.port": ({ port }) =>
    `Port ${port} ist nicht erlaubt (nur die Standardports 80 und 443)`,
  "common.url.httpsOnly": () => "Callbacks werden nur an https://-Adressen gesendet",
  "common.url.noPublicAddress": ({ host }) => `„${host}“ hat keine Adresse im öffentlichen DNS`,
  "common.url.aliasInternal": ({ host, target }) =>
    `„${host}“ ist ein Alias des internen Namens „${target}“`,
  "common.url.resolvesTo": ({ host, address }) =>
    `„${host}“ wird zu ${address} aufgelöst, keiner öffentlichen Adresse`,
  "common.url.cnameChain": ({ host, max }) =>
    `„${host}“ hat eine Alias-Kette, die länger als ${max} ist`,
  "common.url.uncheckable": ({ host }) =>
    `die Adressen von „${host}“ ließen sich nicht prüfen (der DNS-Resolver antwortete nicht)`,
};
