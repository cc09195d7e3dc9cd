import { MIN_PARTITION } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exporting as english } from "../en/exporting.ts";
import { exportingErrors, OPTION } from "./exporting-errors.ts";

export const exporting: Translation<typeof english> = {
  ...exportingErrors,
  "exporting.title": () => "Kanalexport",
  "exporting.command.description": () =>
    "Die Nachrichten eines Kanals in eine Datei exportieren (HTML, JSON, CSV oder TXT)",
  "exporting.option.channel": () => OPTION.channel,
  "exporting.option.channel.description": () =>
    "Der Kanal, das Forum oder der Thread, der exportiert wird (Standard: dieser)",
  "exporting.option.format": () => OPTION.format,
  "exporting.option.format.description": () => "Das Format der Datei (Standard: html)",
  "exporting.choice.html": () => "html: eine Webseite, die wie Discord aussieht",
  "exporting.choice.json": () => "json: für Programme",
  "exporting.choice.csv": () => "csv: für Tabellenkalkulationen",
  "exporting.choice.txt": () => "txt: reiner Text",
  "exporting.option.after": () => OPTION.after,
  "exporting.option.after.description": () =>
    "Nur Nachrichten danach: ein Datum (2026-01-31), ein Nachrichtenlink oder eine ID",
  "exporting.option.before": () => OPTION.before,
  "exporting.option.before.description": () =>
    "Nur Nachrichten davor: ein Datum, ein Nachrichtenlink oder eine ID",
  "exporting.option.filter": () => OPTION.filter,
  "exporting.option.filter.description": () =>
    "z. B. from:alice has:image hallo (alles muss zutreffen)",
  "exporting.option.threads": () => "mit-threads",
  "exporting.option.threads.description": () =>
    "Auch die Threads des Kanals exportieren, aktive und archivierte",
  "exporting.option.partition": () => OPTION.partition,
  "exporting.option.partition.description": (_, f) =>
    `In Dateien mit so vielen Nachrichten aufteilen (mindestens ${f.number(MIN_PARTITION)})`,

  "exporting.stage.prepare": () => "Kanal wird gelesen",
  "exporting.stage.collect": () => "Nachrichten werden gelesen",
  "exporting.stage.assemble": () => "Datei wird geschrieben",
  "exporting.progress.threads": () => "Threads werden aufgelistet",
  "exporting.progress.reading": ({ kept, read }, f) =>
    `Nachrichten werden gelesen: ${f.number(kept)} von ${f.number(read)} gelesenen behalten`,
  "exporting.progress.writing": ({ files }, f) =>
    `Dateien werden geschrieben: ${f.number(files)} fertig`,

  "exporting.summary.done": (v, f) =>
    `${f.count(v.messages, { one: "{n} Nachricht", other: "{n} Nachrichten" })} aus #${v.channel} als ${v.format} exportiert (${f.count(v.files, { one: "{n} Datei", other: "{n} Dateien" })}, ${f.bytes(v.bytes)}).`,
  "exporting.summary.unfinished": ({ channel, error }) =>
    `Der Export von #${channel} wurde nicht abgeschlossen.${error ? ` ${error}` : ""}`,
  "exporting.messageContent": () =>
    "Die meisten Nachrichten kamen leer zurück: Dieser Anwendung fehlt der Message Content Intent. Aktiviere ihn im Discord Developer Portal → deine Anwendung → Bot → Privileged Gateway Intents → Message Content Intent und exportiere dann erneut.",
  "exporting.field.channel": () => "Kanal",
  "exporting.field.messages": () => "Nachrichten",
  "exporting.field.participants": () => "Teilnehmende",
  "exporting.participants.atLeast": ({ count }, f) => `mindestens ${f.number(count)}`,
  "exporting.field.dateSpan": () => "Zeitraum",
  "exporting.dateSpan": ({ first, last }, f) => `${f.dateTime(first)} → ${f.dateTime(last)}`,
  "exporting.dateSpan.none": () => "keine Nachrichten",
  "exporting.field.size": () => "Größe",
  "exporting.size": ({ bytes, files }, f) =>
    `${f.bytes(bytes)} in ${f.count(files, { one: "{n} Datei", other: "{n} Dateien" })}`,
  "exporting.field.filters": () => "Filter",
  "exporting.filters.none": () => "keine",
  "exporting.filters.after": ({ value }) => `nach ${value}`,
  "exporting.filters.before": ({ value }) => `vor ${value}`,
  "exporting.filters.filter": ({ value }) => `Filter ${value}`,
  "exporting.field.skipped": () => "Ausgelassen",
  "exporting.skipped.unmatched": ({ count }, f) =>
    `${f.count(count, { one: "{n} Nachricht passte", other: "{n} Nachrichten passten" })} nicht zum Filter.`,
  "exporting.skipped.threadsCapped": ({ limit }, f) =>
    `Threads nach den ersten ${f.number(limit)} wurden ausgelassen (je eine Datei ist die Grenze).`,
  "exporting.skipped.privateThreads": () =>
    "Private archivierte Threads wurden ausgelassen: Sie aufzulisten erfordert „Threads verwalten“.",
  "exporting.field.messageContent": () => "⚠️ Nachrichteninhalt",
  "exporting.report.title": ({ channel }) => `# Export von #${channel}`,
  "exporting.report.files": () => "## Dateien",
  "exporting.report.file": (v, f) =>
    `- ${v.name}: ${f.count(v.messages, { one: "{n} Nachricht", other: "{n} Nachrichten" })}, ${f.bytes(v.bytes)}`,
  "exporting.report.noFiles": () => "- keine",
};
