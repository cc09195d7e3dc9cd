import { MIN_PARTITION } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exporting as english } from "../en/exporting.ts";
import { exportingErrors, OPTION } from "./exporting-errors.ts";

export const exporting: Translation<typeof english> = {
  ...exportingErrors,
  "exporting.title": () => "Exportação de canal",
  "exporting.command.description": () =>
    "Exporta as mensagens de um canal para um arquivo (HTML, JSON, CSV ou TXT)",
  "exporting.option.channel": () => OPTION.channel,
  "exporting.option.channel.description": () =>
    "O canal, fórum ou tópico a exportar (padrão: este)",
  "exporting.option.format": () => OPTION.format,
  "exporting.option.format.description": () => "O formato do arquivo (padrão: html)",
  "exporting.choice.html": () => "html: uma página web parecida com o Discord",
  "exporting.choice.json": () => "json: para programas",
  "exporting.choice.csv": () => "csv: para planilhas",
  "exporting.choice.txt": () => "txt: texto simples",
  "exporting.option.after": () => OPTION.after,
  "exporting.option.after.description": () =>
    "Só mensagens depois disto: uma data (2026-01-31), um link ou ID de mensagem",
  "exporting.option.before": () => OPTION.before,
  "exporting.option.before.description": () =>
    "Só mensagens antes disto: uma data, um link ou ID de mensagem",
  "exporting.option.filter": () => OPTION.filter,
  "exporting.option.filter.description": () =>
    "ex.: from:alice has:image olá (tudo precisa corresponder)",
  "exporting.option.threads": () => "tópicos",
  "exporting.option.threads.description": () =>
    "Exportar também os tópicos do canal, ativos e arquivados",
  "exporting.option.partition": () => OPTION.partition,
  "exporting.option.partition.description": (_, f) =>
    `Dividir em arquivos com esta quantidade de mensagens (pelo menos ${f.number(MIN_PARTITION)})`,

  "exporting.stage.prepare": () => "Lendo o canal",
  "exporting.stage.collect": () => "Lendo mensagens",
  "exporting.stage.assemble": () => "Gravando o arquivo",
  "exporting.progress.threads": () => "Listando tópicos",
  "exporting.progress.reading": ({ kept, read }, f) =>
    `Lendo mensagens: ${f.number(kept)} mantidas de ${f.number(read)} lidas`,
  "exporting.progress.writing": ({ files }, f) =>
    `Gravando arquivos: ${f.count(files, { one: "{n} pronto", other: "{n} prontos" })}`,

  "exporting.summary.done": (v, f) =>
    `${f.count(v.messages, { one: "{n} mensagem exportada", other: "{n} mensagens exportadas" })} de #${v.channel} como ${v.format} (${f.count(v.files, { one: "{n} arquivo", other: "{n} arquivos" })}, ${f.bytes(v.bytes)}).`,
  "exporting.summary.unfinished": ({ channel, error }) =>
    `A exportação de #${channel} não terminou.${error ? ` ${error}` : ""}`,
  "exporting.messageContent": () =>
    "A maioria das mensagens veio vazia: esta aplicação não tem o intent Message Content. Ative-o no Discord Developer Portal → sua aplicação → Bot → Privileged Gateway Intents → Message Content Intent e exporte de novo.",
  "exporting.field.channel": () => "Canal",
  "exporting.field.messages": () => "Mensagens",
  "exporting.field.participants": () => "Participantes",
  "exporting.participants.atLeast": ({ count }, f) => `pelo menos ${f.number(count)}`,
  "exporting.field.dateSpan": () => "Período",
  "exporting.dateSpan": ({ first, last }, f) => `${f.dateTime(first)} → ${f.dateTime(last)}`,
  "exporting.dateSpan.none": () => "nenhuma mensagem",
  "exporting.field.size": () => "Tamanho",
  "exporting.size": ({ bytes, files }, f) =>
    `${f.bytes(bytes)} em ${f.count(files, { one: "{n} arquivo", other: "{n} arquivos" })}`,
  "exporting.field.filters": () => "Filtros",
  "exporting.filters.none": () => "nenhum",
  "exporting.filters.after": ({ value }) => `depois de ${value}`,
  "exporting.filters.before": ({ value }) => `antes de ${value}`,
  "exporting.filters.filter": ({ value }) => `filtro ${value}`,
  "exporting.field.skipped": () => "Deixado de fora",
  "exporting.skipped.unmatched": ({ count }, f) =>
    `${f.count(count, { one: "{n} mensagem não correspondeu", other: "{n} mensagens não corresponderam" })} ao filtro.`,
  "exporting.skipped.threadsCapped": ({ limit }, f) =>
    `Tópicos além dos primeiros ${f.number(limit)} ficaram de fora (um arquivo para cada é o limite).`,
  "exporting.skipped.privateThreads": () =>
    "Tópicos privados arquivados ficaram de fora: listá-los exige Gerenciar tópicos.",
  "exporting.field.messageContent": () => "⚠️ Conteúdo das mensagens",
  "exporting.report.title": ({ channel }) => `# Exportação de #${channel}`,
  "exporting.report.files": () => "## Arquivos",
  "exporting.report.file": (v, f) =>
    `- ${v.name}: ${f.count(v.messages, { one: "{n} mensagem", other: "{n} mensagens" })}, ${f.bytes(v.bytes)}`,
  "exporting.report.noFiles": () => "- nenhum",
};
