import { EXPORT_FORMATS, HAS_KINDS } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exportingErrors as english } from "../en/exporting-errors.ts";

export const OPTION = {
  channel: "canal",
  format: "formato",
  after: "después",
  before: "antes",
  filter: "filtro",
  partition: "partición",
} as const;
const named = (option: string) => `\`${OPTION[option as keyof typeof OPTION] ?? option}\``;

const BOUND_ACCEPTED =
  "Usa una fecha (2024-05-01, o 2024-05-01T18:30 en UTC, o con un desfase como +02:00), " +
  "un enlace de mensaje (Copiar enlace del mensaje) o un ID de mensaje (Copiar ID del mensaje).";
const bound = (option: string, problem: string, accepted = true) =>
  `${named(option)}: ${problem}${accepted ? ` ${BOUND_ACCEPTED}` : ""}`;
const filter = (problem: string) =>
  `${named("filter")}: ${problem} Se acepta: from:<nombre o ID>, mentions:<nombre o ID>, has:${HAS_KINDS.join("|")}, reaction:<emoji>, palabras y "frases entre comillas", cada uno negado con un - delante, separados por espacios (todo debe cumplirse).`;

export const exportingErrors: Translation<typeof english> = {
  "exporting.error.channel": () =>
    `${named("channel")} debe ser un canal de este servidor (elige uno de la lista).`,
  "exporting.error.format": ({ format }, f) =>
    `${named("format")} ${format} no es un formato que yo escriba; escribo ${f.list(EXPORT_FORMATS)}.`,
  "exporting.error.tooLong": ({ option, limit }, f) =>
    `${named(option)} tiene más de ${f.number(limit)} caracteres.`,
  "exporting.error.order": () =>
    `${named("after")} debe ser anterior a ${named("before")}: no hay nada entre ambos.`,
  "exporting.error.partition": ({ min, max }, f) =>
    `${named("partition")} debe ser un número entero de mensajes entre ${f.number(min)} y ${f.number(max)}.`,

  "exporting.bound.empty": ({ option }) => bound(option, "El valor está vacío."),
  "exporting.bound.tooLong": ({ option }) => bound(option, "El valor es demasiado largo."),
  "exporting.bound.notId": ({ option }) =>
    bound(option, "Este número no es un ID de mensaje de Discord."),
  "exporting.bound.badLink": ({ option }) => bound(option, "No se pudo leer este enlace."),
  "exporting.bound.notLink": ({ option }) =>
    bound(option, "Este enlace no es un enlace de mensaje de Discord."),
  "exporting.bound.noSuchDate": ({ option }) => bound(option, "Esta fecha no existe."),
  "exporting.bound.badDate": ({ option }) => bound(option, "No se pudo leer esta fecha."),
  "exporting.bound.beforeDiscord": ({ option }) =>
    bound(option, "Discord empezó en 2015: usa una fecha a partir del 2015-01-01.", false),
  "exporting.bound.unknown": ({ option }) =>
    bound(option, "No es una fecha, ni un enlace de mensaje, ni un ID de mensaje."),

  "exporting.filter.unclosedQuote": () => filter("Unas comillas no se cierran."),
  "exporting.filter.or": () =>
    filter('"|" (o) y los paréntesis no se admiten: los términos se combinan con Y.'),
  "exporting.filter.needsValue": ({ term }) => filter(`${term} necesita un valor.`),
  "exporting.filter.emptyTerm": () => filter("Un término está vacío."),
  "exporting.filter.termTooLong": ({ limit }, f) =>
    filter(`Un término tiene más de ${f.number(limit)} caracteres.`),
  "exporting.filter.unknownHas": ({ term }) => filter(`${term} no se reconoce.`),
  "exporting.filter.tooLong": ({ limit }, f) =>
    filter(`El filtro tiene más de ${f.number(limit)} caracteres.`),
  "exporting.filter.empty": () => filter("El filtro está vacío."),
  "exporting.filter.tooManyTerms": ({ limit }, f) =>
    filter(`El filtro tiene más de ${f.number(limit)} términos.`),

  "exporting.access.dm": () =>
    "`/export` funciona en canales de servidor, no en mensajes directos.",
  "exporting.access.kind": () =>
    "Puedo exportar un canal de texto o de anuncios, un foro o un hilo; ese canal no es nada de eso.",
  "exporting.access.unknown": () =>
    "No puedo saber si puedes leer el historial de ese canal, así que no lo exportaré.",
  "exporting.access.member": () =>
    "Solo puedes exportar canales cuyo historial puedas leer (Ver canal y Leer el historial de mensajes). No se ha iniciado nada.",
  "exporting.access.bot": () =>
    "No puedo leer el historial de este canal: dame (al bot) **Ver canal** y **Leer el historial de mensajes** aquí y vuelve a ejecutarlo. No se ha iniciado nada.",
};
