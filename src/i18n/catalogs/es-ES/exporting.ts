import { MIN_PARTITION } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exporting as english } from "../en/exporting.ts";
import { exportingErrors, OPTION } from "./exporting-errors.ts";

export const exporting: Translation<typeof english> = {
  ...exportingErrors,
  "exporting.title": () => "Exportación de canal",
  "exporting.command.description": () =>
    "Exporta los mensajes de un canal a un archivo (HTML, JSON, CSV o TXT)",
  "exporting.option.channel": () => OPTION.channel,
  "exporting.option.channel.description": () =>
    "El canal, foro o hilo que exportar (por defecto: este)",
  "exporting.option.format": () => OPTION.format,
  "exporting.option.format.description": () => "El formato del archivo (por defecto: html)",
  "exporting.choice.html": () => "html: una página web que se parece a Discord",
  "exporting.choice.json": () => "json: para programas",
  "exporting.choice.csv": () => "csv: para hojas de cálculo",
  "exporting.choice.txt": () => "txt: texto plano",
  "exporting.option.after": () => OPTION.after,
  "exporting.option.after.description": () =>
    "Solo mensajes posteriores: una fecha (2026-01-31), un enlace o un ID de mensaje",
  "exporting.option.before": () => OPTION.before,
  "exporting.option.before.description": () =>
    "Solo mensajes anteriores: una fecha, un enlace o un ID de mensaje",
  "exporting.option.filter": () => OPTION.filter,
  "exporting.option.filter.description": () =>
    "p. ej. from:alice has:image hola (todo debe cumplirse)",
  "exporting.option.threads": () => "hilos",
  "exporting.option.threads.description": () =>
    "Exportar también los hilos del canal, activos y archivados",
  "exporting.option.partition": () => OPTION.partition,
  "exporting.option.partition.description": (_, f) =>
    `Dividir en archivos de este número de mensajes (al menos ${f.number(MIN_PARTITION)})`,

  "exporting.stage.prepare": () => "Leyendo el canal",
  "exporting.stage.collect": () => "Leyendo mensajes",
  "exporting.stage.assemble": () => "Escribiendo el archivo",
  "exporting.progress.threads": () => "Listando hilos",
  "exporting.progress.reading": ({ kept, read }, f) =>
    `Leyendo mensajes: ${f.number(kept)} conservados de ${f.number(read)} leídos`,
  "exporting.progress.writing": ({ files }, f) =>
    `Escribiendo archivos: ${f.count(files, { one: "{n} terminado", other: "{n} terminados" })}`,

  "exporting.summary.done": (v, f) =>
    `${f.count(v.messages, { one: "{n} mensaje exportado", other: "{n} mensajes exportados" })} de #${v.channel} como ${v.format} (${f.count(v.files, { one: "{n} archivo", other: "{n} archivos" })}, ${f.bytes(v.bytes)}).`,
  "exporting.summary.unfinished": ({ channel, error }) =>
    `La exportación de #${channel} no terminó.${error ? ` ${error}` : ""}`,
  "exporting.messageContent": () =>
    "La mayoría de los mensajes llegaron vacíos: a esta aplicación le falta el intent Message Content. Actívalo en el Discord Developer Portal → tu aplicación → Bot → Privileged Gateway Intents → Message Content Intent y vuelve a exportar.",
  "exporting.field.channel": () => "Canal",
  "exporting.field.messages": () => "Mensajes",
  "exporting.field.participants": () => "Participantes",
  "exporting.participants.atLeast": ({ count }, f) => `al menos ${f.number(count)}`,
  "exporting.field.dateSpan": () => "Periodo",
  "exporting.dateSpan": ({ first, last }, f) => `${f.dateTime(first)} → ${f.dateTime(last)}`,
  "exporting.dateSpan.none": () => "ningún mensaje",
  "exporting.field.size": () => "Tamaño",
  "exporting.size": ({ bytes, files }, f) =>
    `${f.bytes(bytes)} en ${f.count(files, { one: "{n} archivo", other: "{n} archivos" })}`,
  "exporting.field.filters": () => "Filtros",
  "exporting.filters.none": () => "ninguno",
  "exporting.filters.after": ({ value }) => `después de ${value}`,
  "exporting.filters.before": ({ value }) => `antes de ${value}`,
  "exporting.filters.filter": ({ value }) => `filtro ${value}`,
  "exporting.field.skipped": () => "Omitido",
  "exporting.skipped.unmatched": ({ count }, f) =>
    `${f.count(count, { one: "{n} mensaje no coincidía", other: "{n} mensajes no coincidían" })} con el filtro.`,
  "exporting.skipped.threadsCapped": ({ limit }, f) =>
    `Se omitieron los hilos más allá de los primeros ${f.number(limit)} (un archivo por hilo es el límite).`,
  "exporting.skipped.privateThreads": () =>
    "Se omitieron los hilos privados archivados: listarlos requiere Gestionar hilos.",
  "exporting.field.messageContent": () => "⚠️ Contenido de los mensajes",
  "exporting.report.title": ({ channel }) => `# Exportación de #${channel}`,
  "exporting.report.files": () => "## Archivos",
  "exporting.report.file": (v, f) =>
    `- ${v.name}: ${f.count(v.messages, { one: "{n} mensaje", other: "{n} mensajes" })}, ${f.bytes(v.bytes)}`,
  "exporting.report.noFiles": () => "- ninguno",
};
