import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "Une erreur s’est produite.",
  "common.pages": ({ count }, f) => f.count(count, { one: "{n} page", other: "{n} pages" }),
  "common.url.invalid": () => "ce n’est pas une adresse web valide",
  "common.url.scheme": ({ scheme }) =>
    `seules les adresses http et https sont acceptées, pas « ${scheme} »`,
  "common.url.credentials": () =>
    "les adresses avec un nom d’utilisateur ou un mot de passe (user@hôte) ne sont pas acceptées",
  "common.url.noHost": () => "elle ne nomme aucun hôte",
  "common.url.emptySegment": () =>
    "son hôte contient un segment vide (deux points à la suite, ou un point au début)",
  "common.url.unreadableHost": () =>
    "son hôte est une adresse numérique ou IPv6 qui ne peut pas être lue sans risque",
  "common.url.singleLabelHost": ({ host }) =>
    `« ${host} » est un nom à un seul segment, résolu uniquement dans les réseaux privés`,
  "common.url.internalName": ({ host }) => `« ${host} » est un nom interne`,
  "common.url.specialAddress": ({ range }) =>
    `son hôte est une adresse à usage spécial, hors de l’internet public (${range})`,
  "common.url.loopback": () => "son hôte est une adresse de bouclage",
  "common.url.port": ({ port }) =>
    `le port ${port} n’est pas accepté (seulement les ports standard 80 et 443)`,
  "common.url.httpsOnly": () => "les callbacks ne sont envoyés qu’à des adresses https://",
  "common.url.noPublicAddress": ({ host }) => `« ${host} » n’a pas d’adresse dans le DNS public`,
  "common.url.aliasInternal": ({ host, target }) =>
    `« ${host} » est un alias du nom interne « ${target} »`,
  "common.url.resolvesTo": ({ host, address }) =>
    `« ${host} » se résout en ${address}, qui n’est pas une adresse publique`,
  "common.url.cnameChain": ({ host, max }) =>
    `« ${host} » a une chaîne d’alias de plus de ${max} maillons`,
  "common.url.uncheckable": ({ host }) =>
    `les adresses de « ${host} » n’ont pas pu être vérifiées (le résolveur DNS n’a pas répondu)`,
};
