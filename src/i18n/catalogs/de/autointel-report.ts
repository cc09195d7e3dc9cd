import type { Translation } from "../../catalog-types.ts";
import type { autointelReport as english } from "../en/autointel-report.ts";

export const autointelReport: Translation<typeof english> = {
  "autointel.report.title": ({ url }) => `# Website-Analyse: ${url}`,
  "autointel.report.meta": (v) =>
    `Tiefe: ${v.depth} · Status: ${v.status}${v.error ? ` · ${v.error}` : ""}`,
  "autointel.report.summary": () => "## Zusammenfassung",
  "autointel.report.writtenBy": ({ model }) => `_Geschrieben von ${model}._`,
  "autointel.report.keyFigures": () => "## Kennzahlen",
  "autointel.report.figureHeader": () => "| Kennzahl | Wert |",
  "autointel.report.pagesCrawled": () => "Gecrawlte Seiten",
  "autointel.report.pagesCrawled.value": ({ pages, html }, f) =>
    `${f.number(pages)} (${f.count(html, { one: "{n} HTML-Seite", other: "{n} HTML-Seiten" })} analysiert)`,
  "autointel.report.linksFound": () => "Gefundene Links",
  "autointel.report.linksChecked": () => "Geprüfte Links",
  "autointel.report.brokenLinks": () => "Defekte Links",
  "autointel.report.redirectedLinks": () => "Weitergeleitete Links",
  "autointel.report.refusedLinks": () => "Abgelehnte Links",
  "autointel.report.refusedUnsafe": () => "Abgelehnte Links (unsichere Adressen)",
  "autointel.report.imagesWithoutAlt": () => "Bilder ohne Alt-Text",

  "autointel.report.startPage": () => "## Startseite",
  "autointel.report.address": (v, f) =>
    `- Adresse: ${v.address}${v.hops ? ` (nach ${f.count(v.hops, { one: "{n} Weiterleitung", other: "{n} Weiterleitungen" })}: ${v.list})` : ""}`,
  "autointel.report.answer": (v, f) =>
    `- Antwort: HTTP ${v.status}, ${v.contentType || "kein Inhaltstyp"}, ${f.bytes(v.bytes)}, ${f.number(v.ms)} ms`,
  "autointel.report.pageTitle": ({ title }) => `- Titel: ${title || "(keiner)"}`,
  "autointel.report.description": ({ description }) =>
    `- Beschreibung: ${description || "(keine)"}`,
  "autointel.report.language": ({ lang }) => `- Sprache: ${lang || "(nicht angegeben)"}`,
  "autointel.report.canonical": ({ canonical }) => `- Kanonisch: ${canonical || "(keine)"}`,
  "autointel.report.words": ({ words, minutes }, f) =>
    `- Wörter: ${f.number(words)} (etwa ${f.number(minutes)} Min. Lesezeit)`,
  "autointel.report.links": (v, f) =>
    `- Links: ${f.number(v.web)} auf Webseiten, ${f.number(v.other)} andere (E-Mail, Telefon …)${v.notKept ? `; ${f.number(v.notKept)} weitere nicht behalten (mehr als ${f.number(v.perPage)} auf einer Seite oder länger als ${f.number(v.maxLength)} Zeichen)` : ""}`,
  "autointel.report.images": ({ images, withoutAlt }, f) =>
    `- Bilder: ${f.number(images)}, davon ${f.number(withoutAlt)} ohne Alt-Text`,
  "autointel.report.readProblem": ({ problem }) => `- Beim Lesen der Seite: ${problem}`,
  "autointel.report.openGraph": () => "### Open-Graph-Daten",
  "autointel.report.propertyHeader": () => "| Eigenschaft | Wert |",
  "autointel.report.outline": () => "### Gliederung",
  "autointel.report.imagesWithoutAltHeading": () => "### Bilder ohne Alt-Text",
  "autointel.report.topTerms": () => "## Häufigste Begriffe",
  "autointel.report.problemHeader": () => "| Link | Problem | Gefunden auf |",
  "autointel.report.more": ({ count }, f) => `… und ${f.number(count)} weitere in result.json.`,

  "autointel.robots.pending": () => "robots.txt noch nicht gelesen",
  "autointel.robots.read": (v, f) =>
    `robots.txt gelesen: ${f.count(v.rules, { one: "{n} Regel gilt", other: "{n} Regeln gelten" })} für uns${v.delaySeconds > v.capSeconds ? `, Crawl-delay ${f.duration(v.delaySeconds * 1000)} verlangt, auf ${f.duration(v.capSeconds * 1000)} gekürzt` : v.delaySeconds > 0 ? `, Crawl-delay ${f.duration(v.delaySeconds * 1000)}` : ""}`,
  "autointel.robots.refused": ({ problem }) =>
    `robots.txt abgelehnt (${problem}); keine Seite außer der Startseite wurde gecrawlt`,
  "autointel.robots.missing": ({ status }) => `keine robots.txt (HTTP ${status}): alles erlaubt`,
  "autointel.robots.unreadable": ({ failure }) =>
    `robots.txt nicht lesbar (${failure}): keine Seite außer der Startseite wurde gecrawlt`,
  "autointel.page.leftSite": () => "leitet auf eine andere Website weiter",
  "autointel.page.duplicate": () => "leitet auf eine bereits analysierte Seite weiter",
  "autointel.report.pages": ({ pages, budget }, f) =>
    `## Gecrawlte Seiten (${f.number(pages)} von höchstens ${f.number(budget)})`,
  "autointel.report.pagesHeader": () => "| # | Seite | Status | Titel | Wörter | Hinweis |",
  "autointel.report.pause": ({ ms }, f) =>
    `- Pause zwischen Anfragen an die Website: ${f.duration(ms)}`,
  "autointel.report.robotsDisallowed": ({ list }) =>
    `- Nicht gecrawlt, weil robots.txt es verbietet: ${list}`,
  "autointel.report.linksDropped": ({ count }, f) =>
    `- ${f.count(count, { one: "{n} weiterer Link wurde", other: "{n} weitere Links wurden" })} nicht verfolgt (Grenze erreicht)`,
  "autointel.report.linksTooLong": ({ count, max }, f) =>
    `- ${f.count(count, { one: "{n} Link", other: "{n} Links" })} länger als ${f.number(max)} Zeichen ${f.plural(count, { one: "wurde", other: "wurden" })} nicht verfolgt`,
  "autointel.report.notChecked": (v, f) =>
    `_${f.count(v.notChecked, { one: "{n} Link", other: "{n} Links" })} über das Budget von ${f.number(v.budget)} hinaus ${f.plural(v.notChecked, { one: "wurde", other: "wurden" })} nicht geprüft; ${f.number(v.skipped)} ${f.plural(v.skipped, { one: "wurde", other: "wurden" })} übersprungen, weil robots.txt es verbietet._`,
  "autointel.report.cappedPerHost": ({ count }, f) =>
    `_${f.count(count, { one: "{n} Link wurde", other: "{n} Links wurden" })} nicht geprüft, weil ihr Host schon so oft geprüft wurde, wie ein Lauf darf (LINK_CHECKS_PER_HOST)._`,
  "autointel.report.aiSkipped.noBinding": () => "keine KI-Bindung konfiguriert",
  "autointel.report.aiSkipped.noText": () => "Workers AI hat keinen Text geliefert",
  "autointel.report.aiSkipped": ({ reason }) => `_KI-Zusammenfassung übersprungen: ${reason}._`,
};
