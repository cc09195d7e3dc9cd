import { EXPORT_FORMATS, HAS_KINDS } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exportingErrors as english } from "../en/exporting-errors.ts";

export const OPTION = {
  channel: "canal",
  format: "formato",
  after: "depois",
  before: "antes",
  filter: "filtro",
  partition: "partição",
} as const;
const named = (option: string) => `\`${OPTION[option as keyof typeof OPTION] ?? option}\``;

const BOUND_ACCEPTED =
  "Use uma data (2024-05-01, ou 2024-05-01T18:30 em UTC, ou com um fuso como +02:00), " +
  "um link de mensagem (Copiar link da mensagem) ou um ID de mensagem (Copiar ID da mensagem).";
const bound = (option: string, problem: string, accepted = true) =>
  `${named(option)}: ${problem}${accepted ? ` ${BOUND_ACCEPTED}` : ""}`;
const filter = (problem: string) =>
  `${named("filter")}: ${problem} Aceito: from:<nome ou ID>, mentions:<nome ou ID>, has:${HAS_KINDS.join("|")}, reaction:<emoji>, palavras e "frases entre aspas", cada um negado por um - na frente, separados por espaços (tudo precisa corresponder).`;

export const exportingErrors: Translation<typeof english> = {
  "exporting.error.channel": () =>
    `${named("channel")} precisa ser um canal deste servidor (escolha um da lista).`,
  "exporting.error.format": ({ format }, f) =>
    `${named("format")} ${format} não é um formato que eu gravo; eu gravo ${f.list(EXPORT_FORMATS)}.`,
  "exporting.error.tooLong": ({ option, limit }, f) =>
    `${named(option)} tem mais de ${f.number(limit)} caracteres.`,
  "exporting.error.order": () =>
    `${named("after")} precisa ser anterior a ${named("before")}: não há nada entre os dois.`,
  "exporting.error.partition": ({ min, max }, f) =>
    `${named("partition")} precisa ser um número inteiro de mensagens de ${f.number(min)} a ${f.number(max)}.`,

  "exporting.bound.empty": ({ option }) => bound(option, "O valor está vazio."),
  "exporting.bound.tooLong": ({ option }) => bound(option, "O valor é longo demais."),
  "exporting.bound.notId": ({ option }) =>
    bound(option, "Este número não é um ID de mensagem do Discord."),
  "exporting.bound.badLink": ({ option }) => bound(option, "Não foi possível ler este link."),
  "exporting.bound.notLink": ({ option }) =>
    bound(option, "Este link não é um link de mensagem do Discord."),
  "exporting.bound.noSuchDate": ({ option }) => bound(option, "Esta data não existe."),
  "exporting.bound.badDate": ({ option }) => bound(option, "Não foi possível ler esta data."),
  "exporting.bound.beforeDiscord": ({ option }) =>
    bound(option, "O Discord começou em 2015: use uma data a partir de 2015-01-01.", false),
  "exporting.bound.unknown": ({ option }) =>
    bound(option, "Isto não é uma data, nem um link de mensagem, nem um ID de mensagem."),

  "exporting.filter.unclosedQuote": () => filter("Umas aspas não foram fechadas."),
  "exporting.filter.or": () =>
    filter('"|" (ou) e parênteses não são aceitos: os termos são combinados com E.'),
  "exporting.filter.needsValue": ({ term }) => filter(`${term} precisa de um valor.`),
  "exporting.filter.emptyTerm": () => filter("Um termo está vazio."),
  "exporting.filter.termTooLong": ({ limit }, f) =>
    filter(`Um termo tem mais de ${f.number(limit)} caracteres.`),
  "exporting.filter.unknownHas": ({ term }) => filter(`${term} não é conhecido.`),
  "exporting.filter.tooLong": ({ limit }, f) =>
    filter(`O filtro tem mais de ${f.number(limit)} caracteres.`),
  "exporting.filter.empty": () => filter("O filtro está vazio."),
  "exporting.filter.tooManyTerms": ({ limit }, f) =>
    filter(`O filtro tem mais de ${f.number(limit)} termos.`),

  "exporting.access.dm": () =>
    "`/export` funciona em canais de servidor, não em mensagens diretas.",
  "exporting.access.kind": () =>
    "Posso exportar um canal de texto ou de anúncios, um fórum ou um tópico; esse canal não é nenhum deles.",
  "exporting.access.unknown": () =>
    "Não consigo saber se você pode ler o histórico desse canal, então não vou exportá-lo.",
  "exporting.access.member": () =>
    "Você só pode exportar canais cujo histórico consegue ler (Ver canal e Ler histórico de mensagens). Nada foi iniciado.",
  "exporting.access.bot": () =>
    "Não consigo ler o histórico deste canal: dê a mim (o bot) **Ver canal** e **Ler histórico de mensagens** aqui e execute de novo. Nada foi iniciado.",
};
