import { EXPORT_FORMATS, HAS_KINDS } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exportingErrors as english } from "../en/exporting-errors.ts";

export const OPTION = {
  channel: "kanal",
  format: "dateiformat",
  after: "nach",
  before: "vor",
  filter: "suchfilter",
  partition: "aufteilen",
} as const;
const named = (option: string) => `\`${OPTION[option as keyof typeof OPTION] ?? option}\``;

const BOUND_ACCEPTED =
  "Verwende ein Datum (2024-05-01, oder 2024-05-01T18:30 in UTC, oder mit Versatz wie +02:00), " +
  "einen Nachrichtenlink (Nachrichtenlink kopieren) oder eine Nachrichten-ID (Nachrichten-ID kopieren).";
const bound = (option: string, problem: string, accepted = true) =>
  `${named(option)}: ${problem}${accepted ? ` ${BOUND_ACCEPTED}` : ""}`;
const filter = (problem: string) =>
  `${named("filter")}: ${problem} Erlaubt: from:<Benutzername oder ID>, mentions:<Benutzername oder ID>, has:${HAS_KINDS.join("|")}, reaction:<Emoji>, Wörter und "Phrasen in Anführungszeichen", jeweils mit vorangestelltem - verneint, durch Leerzeichen verbunden (alles muss zutreffen).`;

export const exportingErrors: Translation<typeof english> = {
  "exporting.error.channel": () =>
    `${named("channel")} muss ein Kanal dieses Servers sein (wähle einen aus der Liste).`,
  "exporting.error.format": ({ format }, f) =>
    `${named("format")} ${format} kann ich nicht schreiben; ich schreibe ${f.list(EXPORT_FORMATS)}.`,
  "exporting.error.tooLong": ({ option, limit }, f) =>
    `${named(option)} ist länger als ${f.number(limit)} Zeichen.`,
  "exporting.error.order": () =>
    `${named("after")} muss vor ${named("before")} liegen: Dazwischen liegt nichts.`,
  "exporting.error.partition": ({ min, max }, f) =>
    `${named("partition")} muss eine ganze Zahl von Nachrichten zwischen ${f.number(min)} und ${f.number(max)} sein.`,

  "exporting.bound.empty": ({ option }) => bound(option, "Der Wert ist leer."),
  "exporting.bound.tooLong": ({ option }) => bound(option, "Der Wert ist zu lang."),
  "exporting.bound.notId": ({ option }) =>
    bound(option, "Diese Zahl ist keine Discord-Nachrichten-ID."),
  "exporting.bound.badLink": ({ option }) =>
    bound(option, "Dieser Link konnte nicht gelesen werden."),
  "exporting.bound.notLink": ({ option }) =>
    bound(option, "Dieser Link ist kein Discord-Nachrichtenlink."),
  "exporting.bound.noSuchDate": ({ option }) => bound(option, "Dieses Datum gibt es nicht."),
  "exporting.bound.badDate": ({ option }) =>
    bound(option, "Dieses Datum konnte nicht gelesen werden."),
  "exporting.bound.beforeDiscord": ({ option }) =>
    bound(option, "Discord gibt es seit 2015: Verwende ein Datum ab 2015-01-01.", false),
  "exporting.bound.unknown": ({ option }) =>
    bound(option, "Das ist weder ein Datum noch ein Nachrichtenlink noch eine Nachrichten-ID."),

  "exporting.filter.unclosedQuote": () => filter("Ein Anführungszeichen wird nicht geschlossen."),
  "exporting.filter.or": () =>
    filter('"|" (oder) und Klammern werden nicht unterstützt: Begriffe werden mit UND verknüpft.'),
  "exporting.filter.needsValue": ({ term }) => filter(`${term} braucht einen Wert.`),
  "exporting.filter.emptyTerm": () => filter("Ein Begriff ist leer."),
  "exporting.filter.termTooLong": ({ limit }, f) =>
    filter(`Ein Begriff ist länger als ${f.number(limit)} Zeichen.`),
  "exporting.filter.unknownHas": ({ term }) => filter(`${term} ist unbekannt.`),
  "exporting.filter.tooLong": ({ limit }, f) =>
    filter(`Der Filter ist länger als ${f.number(limit)} Zeichen.`),
  "exporting.filter.empty": () => filter("Der Filter ist leer."),
  "exporting.filter.tooManyTerms": ({ limit }, f) =>
    filter(`Der Filter hat mehr als ${f.number(limit)} Begriffe.`),

  "exporting.access.dm": () =>
    "`/export` funktioniert in Serverkanälen, nicht in Direktnachrichten.",
  "exporting.access.kind": () =>
    "Ich kann Text- oder Ankündigungskanäle, Foren und Threads exportieren; dieser Kanal ist nichts davon.",
  "exporting.access.unknown": () =>
    "Ich kann nicht feststellen, ob du den Verlauf dieses Kanals lesen darfst, daher exportiere ich ihn nicht.",
  "exporting.access.member": () =>
    "Du kannst nur Kanäle exportieren, deren Verlauf du lesen kannst (Kanal ansehen und Nachrichtenverlauf lesen). Es wurde nichts gestartet.",
  "exporting.access.bot": () =>
    "Ich kann den Verlauf dieses Kanals nicht lesen: Gib mir (dem Bot) hier **Kanal ansehen** und **Nachrichtenverlauf lesen** und führe es dann erneut aus. Es wurde nichts gestartet.",
};
