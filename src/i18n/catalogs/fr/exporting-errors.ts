import { EXPORT_FORMATS, HAS_KINDS } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exportingErrors as english } from "../en/exporting-errors.ts";

export const OPTION = {
  channel: "salon",
  format: "type-fichier",
  after: "après",
  before: "avant",
  filter: "filtre",
  partition: "découpage",
} as const;
const named = (option: string) => `\`${OPTION[option as keyof typeof OPTION] ?? option}\``;

const BOUND_ACCEPTED =
  "Indiquez une date (2024-05-01, ou 2024-05-01T18:30 en UTC, ou avec un décalage comme +02:00), " +
  "un lien de message (Copier le lien du message) ou un identifiant de message (Copier l'identifiant du message).";
const bound = (option: string, problem: string, accepted = true) =>
  `${named(option)} : ${problem}${accepted ? ` ${BOUND_ACCEPTED}` : ""}`;
const filter = (problem: string) =>
  `${named("filter")} : ${problem} Accepté : from:<nom ou identifiant>, mentions:<nom ou identifiant>, has:${HAS_KINDS.join("|")}, reaction:<emoji>, des mots et des "expressions entre guillemets", chacun inversé par un - devant, séparés par des espaces (tout doit correspondre).`;

export const exportingErrors: Translation<typeof english> = {
  "exporting.error.channel": () =>
    `${named("channel")} doit être un salon de ce serveur (choisissez-en un dans la liste).`,
  "exporting.error.format": ({ format }, f) =>
    `${named("format")} ${format} n'est pas un format que je sais écrire ; j'écris ${f.list(EXPORT_FORMATS)}.`,
  "exporting.error.tooLong": ({ option, limit }, f) =>
    `${named(option)} dépasse ${f.number(limit)} caractères.`,
  "exporting.error.order": () =>
    `${named("after")} doit être antérieur à ${named("before")} : rien ne se trouve entre les deux.`,
  "exporting.error.partition": ({ min, max }, f) =>
    `${named("partition")} doit être un nombre entier de messages de ${f.number(min)} à ${f.number(max)}.`,

  "exporting.bound.empty": ({ option }) => bound(option, "La valeur est vide."),
  "exporting.bound.tooLong": ({ option }) => bound(option, "La valeur est trop longue."),
  "exporting.bound.notId": ({ option }) =>
    bound(option, "Ce nombre n'est pas un identifiant de message Discord."),
  "exporting.bound.badLink": ({ option }) => bound(option, "Ce lien n'a pas pu être lu."),
  "exporting.bound.notLink": ({ option }) =>
    bound(option, "Ce lien n'est pas un lien de message Discord."),
  "exporting.bound.noSuchDate": ({ option }) => bound(option, "Cette date n'existe pas."),
  "exporting.bound.badDate": ({ option }) => bound(option, "Cette date n'a pas pu être lue."),
  "exporting.bound.beforeDiscord": ({ option }) =>
    bound(option, "Discord a commencé en 2015 : utilisez une date à partir du 2015-01-01.", false),
  "exporting.bound.unknown": ({ option }) =>
    bound(option, "Ce n'est ni une date, ni un lien de message, ni un identifiant de message."),

  "exporting.filter.unclosedQuote": () => filter("Un guillemet n'est pas fermé."),
  "exporting.filter.or": () =>
    filter(
      '"|" (ou) et les parenthèses ne sont pas pris en charge : les termes sont combinés par ET.',
    ),
  "exporting.filter.needsValue": ({ term }) => filter(`${term} demande une valeur.`),
  "exporting.filter.emptyTerm": () => filter("Un terme est vide."),
  "exporting.filter.termTooLong": ({ limit }, f) =>
    filter(`Un terme dépasse ${f.number(limit)} caractères.`),
  "exporting.filter.unknownHas": ({ term }) => filter(`${term} est inconnu.`),
  "exporting.filter.tooLong": ({ limit }, f) =>
    filter(`Le filtre dépasse ${f.number(limit)} caractères.`),
  "exporting.filter.empty": () => filter("Le filtre est vide."),
  "exporting.filter.tooManyTerms": ({ limit }, f) =>
    filter(`Le filtre a plus de ${f.number(limit)} termes.`),

  "exporting.access.dm": () =>
    "`/export` fonctionne dans les salons d'un serveur, pas dans les messages privés.",
  "exporting.access.kind": () =>
    "Je peux exporter un salon textuel ou d'annonces, un forum ou un fil ; ce salon n'est rien de cela.",
  "exporting.access.unknown": () =>
    "Je ne peux pas savoir si vous avez le droit de lire l'historique de ce salon, je ne l'exporterai donc pas.",
  "exporting.access.member": () =>
    "Vous ne pouvez exporter que les salons dont vous pouvez lire l'historique (Voir le salon et Voir les anciens messages). Rien n'a été lancé.",
  "exporting.access.bot": () =>
    "Je ne peux pas lire l'historique de ce salon : donnez-moi (au bot) **Voir le salon** et **Voir les anciens messages** ici, puis relancez. Rien n'a été lancé.",
};
