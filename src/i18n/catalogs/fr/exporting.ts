import { MIN_PARTITION } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exporting as english } from "../en/exporting.ts";
import { exportingErrors, OPTION } from "./exporting-errors.ts";

export const exporting: Translation<typeof english> = {
  ...exportingErrors,
  "exporting.title": () => "Export de salon",
  "exporting.command.description": () =>
    "Exporter les messages d'un salon dans un fichier (HTML, JSON, CSV ou TXT)",
  "exporting.option.channel": () => OPTION.channel,
  "exporting.option.channel.description": () =>
    "Le salon, forum ou fil à exporter (par défaut : celui-ci)",
  "exporting.option.format": () => OPTION.format,
  "exporting.option.format.description": () => "Le format du fichier (par défaut : html)",
  "exporting.choice.html": () => "html : une page web qui ressemble à Discord",
  "exporting.choice.json": () => "json : pour les programmes",
  "exporting.choice.csv": () => "csv : pour les tableurs",
  "exporting.choice.txt": () => "txt : texte brut",
  "exporting.option.after": () => OPTION.after,
  "exporting.option.after.description": () =>
    "Seulement les messages après : une date (2026-01-31), un lien ou un identifiant de message",
  "exporting.option.before": () => OPTION.before,
  "exporting.option.before.description": () =>
    "Seulement les messages avant : une date, un lien ou un identifiant de message",
  "exporting.option.filter": () => OPTION.filter,
  "exporting.option.filter.description": () =>
    "p. ex. from:alice has:image bonjour (tout doit correspondre)",
  "exporting.option.threads": () => "fils",
  "exporting.option.threads.description": () =>
    "Exporter aussi les fils du salon, actifs et archivés",
  "exporting.option.partition": () => OPTION.partition,
  "exporting.option.partition.description": (_, f) =>
    `Découper en fichiers de ce nombre de messages (au moins ${f.number(MIN_PARTITION)})`,

  "exporting.stage.prepare": () => "Lecture du salon",
  "exporting.stage.collect": () => "Lecture des messages",
  "exporting.stage.assemble": () => "Écriture du fichier",
  "exporting.progress.threads": () => "Liste des fils",
  "exporting.progress.reading": ({ kept, read }, f) =>
    `Lecture des messages : ${f.number(kept)} conservés sur ${f.number(read)} lus`,
  "exporting.progress.writing": ({ files }, f) =>
    `Écriture des fichiers : ${f.count(files, { one: "{n} terminé", other: "{n} terminés" })}`,

  "exporting.summary.done": (v, f) =>
    `${f.count(v.messages, { one: "{n} message exporté", other: "{n} messages exportés" })} depuis #${v.channel} en ${v.format} (${f.count(v.files, { one: "{n} fichier", other: "{n} fichiers" })}, ${f.bytes(v.bytes)}).`,
  "exporting.summary.unfinished": ({ channel, error }) =>
    `L'export de #${channel} ne s'est pas terminé.${error ? ` ${error}` : ""}`,
  "exporting.messageContent": () =>
    "La plupart des messages sont revenus vides : cette application n'a pas l'intent Message Content. Activez-le dans le Discord Developer Portal → votre application → Bot → Privileged Gateway Intents → Message Content Intent, puis relancez l'export.",
  "exporting.field.channel": () => "Salon",
  "exporting.field.messages": () => "Nombre de messages",
  "exporting.field.participants": () => "Auteurs",
  "exporting.participants.atLeast": ({ count }, f) => `au moins ${f.number(count)}`,
  "exporting.field.dateSpan": () => "Période",
  "exporting.dateSpan": ({ first, last }, f) => `${f.dateTime(first)} → ${f.dateTime(last)}`,
  "exporting.dateSpan.none": () => "aucun message",
  "exporting.field.size": () => "Taille",
  "exporting.size": ({ bytes, files }, f) =>
    `${f.bytes(bytes)} en ${f.count(files, { one: "{n} fichier", other: "{n} fichiers" })}`,
  "exporting.field.filters": () => "Filtres",
  "exporting.filters.none": () => "aucun",
  "exporting.filters.after": ({ value }) => `après ${value}`,
  "exporting.filters.before": ({ value }) => `avant ${value}`,
  "exporting.filters.filter": ({ value }) => `filtre ${value}`,
  "exporting.field.skipped": () => "Laissés de côté",
  "exporting.skipped.unmatched": ({ count }, f) =>
    `${f.count(count, { one: "{n} message ne correspondait", other: "{n} messages ne correspondaient" })} pas au filtre.`,
  "exporting.skipped.threadsCapped": ({ limit }, f) =>
    `Les fils au-delà des ${f.number(limit)} premiers ont été laissés de côté (un fichier chacun, c'est la limite).`,
  "exporting.skipped.privateThreads": () =>
    "Les fils privés archivés ont été laissés de côté : les lister demande la permission Gérer les fils.",
  "exporting.field.messageContent": () => "⚠️ Contenu des messages",
  "exporting.report.title": ({ channel }) => `# Export de #${channel}`,
  "exporting.report.files": () => "## Fichiers",
  "exporting.report.file": (v, f) =>
    `- ${v.name} : ${f.count(v.messages, { one: "{n} message", other: "{n} messages" })}, ${f.bytes(v.bytes)}`,
  "exporting.report.noFiles": () => "- aucun",
};
