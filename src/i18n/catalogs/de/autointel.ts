import { DEPTHS } from "../../../workflows/autointel/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { autointel as english } from "../en/autointel.ts";
import { autointelReport } from "./autointel-report.ts";

const URL = "adresse";
const DEPTH = "tiefe";

export const autointel: Translation<typeof english> = {
  ...autointelReport,
  "autointel.title": () => "Website-Analyse",
  "autointel.command.description": () =>
    "Eine Webseite analysieren und ihre Website crawlen; ein tiefer Lauf überdauert Discords 15 Minuten",
  "autointel.option.url": () => URL,
  "autointel.option.url.description": () => "Die zu analysierende Seite (http:// oder https://)",
  "autointel.option.depth": () => DEPTH,
  "autointel.option.depth.description": () =>
    "Wie viel der Website gecrawlt wird (Standard: standard)",
  "autointel.choice.quick": () => "quick: diese Seite und ihre Links",
  "autointel.choice.standard": () => "standard: bis zu 10 Seiten",
  "autointel.choice.deep": () => "deep: bis zu 100 Seiten (dauert eine Weile)",

  "autointel.stage.resolve": () => "Adresse wird geprüft",
  "autointel.stage.fetch": () => "Seite wird abgerufen",
  "autointel.stage.extract": () => "Seite wird gelesen",
  "autointel.stage.crawl": () => "Website wird gecrawlt",
  "autointel.stage.links": () => "Links werden geprüft",
  "autointel.stage.summary": () => "Zusammenfassung",
  "autointel.progress.fetching": ({ url }) => `${url} wird abgerufen`,
  "autointel.progress.robots": () => "robots.txt wird gelesen",
  "autointel.progress.page": ({ page, budget }, f) =>
    `Seite ${f.number(page)} von höchstens ${f.number(budget)} wird gecrawlt`,
  "autointel.progress.link": ({ link, total }, f) =>
    `Link ${f.number(link)} von ${f.number(total)} wird geprüft`,
  "autointel.progress.summary": () => "Workers AI wird um eine Zusammenfassung gebeten",
  "autointel.lighterRun.quick": () => "Erneut mit Tiefe quick ausführen",
  "autointel.lighterRun.standard": () => "Erneut mit Tiefe standard ausführen",

  "autointel.error.urlRequired": () =>
    `\`${URL}\` ist erforderlich, z. B. \`https://example.com/\`.`,
  "autointel.error.urlTooLong": ({ length, limit }, f) =>
    `\`${URL}\` ist ${f.number(length)} Zeichen lang; erlaubt sind höchstens ${f.number(limit)}.`,
  "autointel.error.urlInvalid": () =>
    `\`${URL}\` ist keine gültige Webadresse; gib das Schema mit an, z. B. \`https://example.com/\`.`,
  "autointel.error.urlScheme": ({ scheme }) =>
    `\`${URL}\` muss mit http:// oder https:// beginnen (erhalten: ${scheme}).`,
  "autointel.error.urlUnsafe": ({ url, reason }) => `${url} analysiere ich nicht: ${reason}.`,
  "autointel.error.depth": (_, f) =>
    `\`${DEPTH}\` muss eines von ${f.list(DEPTHS.map((depth) => `\`${depth}\``))} sein.`,

  "autointel.summary.done": (v, f) =>
    `${v.name}: ${f.count(v.pages, { one: "{n} Seite", other: "{n} Seiten" })} gecrawlt, ${f.count(v.links, { one: "{n} Link", other: "{n} Links" })} geprüft, ${f.number(v.broken)} defekt.`,
  "autointel.summary.ended": (v) =>
    `Analyse von ${v.name}: ${v.status}${v.error ? ` – ${v.error}` : ""}`,
  "autointel.summary.title": ({ title }) => `„${title}“`,

  "autointel.status.completed": () => "abgeschlossen",
  "autointel.status.failed": () => "fehlgeschlagen",
  "autointel.status.cancelled": () => "abgebrochen",
  "autointel.status.timedOut": () => "Zeit überschritten",
  "autointel.field.startPage": () => "Startseite",
  "autointel.field.startPage.value": (v, f) =>
    `HTTP ${v.status} · ${f.bytes(v.bytes)} · ${f.number(v.ms)} ms`,
  "autointel.field.words": () => "Wörter",
  "autointel.field.words.value": ({ words, minutes }, f) =>
    `${f.number(words)} (~${f.number(minutes)} Min. Lesezeit)`,
  "autointel.field.language": () => "Sprache",
  "autointel.field.language.none": () => "nicht angegeben",
  "autointel.field.pagesCrawled": () => "Gecrawlte Seiten",
  "autointel.field.pagesCrawled.value": ({ pages, budget }, f) =>
    `${f.number(pages)} von höchstens ${f.number(budget)}`,
  "autointel.field.linksChecked": () => "Geprüfte Links",
  "autointel.field.brokenLinks": () => "Defekte Links",
  "autointel.field.redirects": () => "Weiterleitungen",
  "autointel.field.imagesWithoutAlt": () => "Bilder ohne Alt-Text",
  "autointel.field.topTerms": () => "Häufigste Begriffe",
  "autointel.problem.http": ({ status }) => `antwortete mit HTTP ${status}`,
  "autointel.problem.unresolved": () => "Hostname konnte nicht aufgelöst werden",
  "autointel.problem.unconnected": () => "keine Verbindung möglich (abgelehnt oder abgebrochen)",
  "autointel.problem.tls": () => "TLS-Handshake fehlgeschlagen",
  "autointel.problem.timeout": () => "antwortete nicht rechtzeitig",
  "autointel.problem.unreachable": () => "nicht erreichbar",
  "autointel.finding.broken": () => "Defekte Links",
  "autointel.finding.unreached": () => "Nicht erreichbar",
  "autointel.finding.refused": () => "Abgelehnte Adressen (unsicher)",
  "autointel.pageProblem.answered": ({ status }) => `Die Seite antwortete mit ${status}.`,
  "autointel.pageProblem.notHtml": ({ type }) => `Die Seite ist keine HTML-Seite (${type}).`,
  "autointel.pageProblem.httpError": ({ status }) => `Die Seite antwortete mit HTTP ${status}.`,
  "autointel.pageProblem.tooLarge": ({ limit }, f) => `Die Seite ist größer als ${f.bytes(limit)}.`,
  "autointel.pageProblem.refused": ({ reason }) => `Diese Seite rufe ich nicht ab: ${reason}.`,
  "autointel.pageProblem.redirectRefused": ({ url, reason }) =>
    `Die Seite leitete auf ${url} weiter, die ich nicht abrufe: ${reason}.`,
  "autointel.pageProblem.timeout": ({ ms }, f) =>
    `Die Seite antwortete nicht innerhalb von ${f.duration(ms)}.`,
  "autointel.pageProblem.failed": ({ detail }) =>
    `Die Seite konnte nicht abgerufen werden (${detail}).`,
  "autointel.pageProblem.interrupted": () => "Das Abrufen der Seite wurde unterbrochen.",
  "autointel.pageProblem.noType": () => "kein Inhaltstyp",
  "autointel.problem.redirectRefused": ({ url, reason }) =>
    `leitet auf ${url} weiter, was abgelehnt wurde: ${reason}`,
};
