import type { Translation } from "../../catalog-types.ts";
import type { autointelReport as english } from "../en/autointel-report.ts";

export const autointelReport: Translation<typeof english> = {
  "autointel.report.title": ({ url }) => `# Analyse de site : ${url}`,
  "autointel.report.meta": (v) =>
    `Profondeur : ${v.depth} · État : ${v.status}${v.error ? ` · ${v.error}` : ""}`,
  "autointel.report.summary": () => "## Résumé",
  "autointel.report.writtenBy": ({ model }) => `_Écrit par ${model}._`,
  "autointel.report.keyFigures": () => "## Chiffres clés",
  "autointel.report.figureHeader": () => "| Indicateur | Valeur |",
  "autointel.report.pagesCrawled": () => "Pages explorées",
  "autointel.report.pagesCrawled.value": ({ pages, html }, f) =>
    `${f.number(pages)} (${f.count(html, { one: "{n} page HTML analysée", other: "{n} pages HTML analysées" })})`,
  "autointel.report.linksFound": () => "Liens trouvés",
  "autointel.report.linksChecked": () => "Liens vérifiés",
  "autointel.report.brokenLinks": () => "Liens cassés",
  "autointel.report.redirectedLinks": () => "Liens redirigés",
  "autointel.report.refusedLinks": () => "Liens refusés",
  "autointel.report.refusedUnsafe": () => "Liens refusés (adresses dangereuses)",
  "autointel.report.imagesWithoutAlt": () => "Images sans texte alternatif",

  "autointel.report.startPage": () => "## Page de départ",
  "autointel.report.address": (v, f) =>
    `- Adresse : ${v.address}${v.hops ? ` (après ${f.count(v.hops, { one: "{n} redirection", other: "{n} redirections" })} : ${v.list})` : ""}`,
  "autointel.report.answer": (v, f) =>
    `- Réponse : HTTP ${v.status}, ${v.contentType || "aucun type de contenu"}, ${f.bytes(v.bytes)}, ${f.number(v.ms)} ms`,
  "autointel.report.pageTitle": ({ title }) => `- Titre : ${title || "(aucun)"}`,
  "autointel.report.description": ({ description }) =>
    `- Description : ${description || "(aucune)"}`,
  "autointel.report.language": ({ lang }) => `- Langue : ${lang || "(non déclarée)"}`,
  "autointel.report.canonical": ({ canonical }) => `- Canonique : ${canonical || "(aucune)"}`,
  "autointel.report.words": ({ words, minutes }, f) =>
    `- Mots : ${f.number(words)} (environ ${f.number(minutes)} min de lecture)`,
  "autointel.report.links": (v, f) =>
    `- Liens : ${f.number(v.web)} vers des pages web, ${f.number(v.other)} autres (e-mail, téléphone…)${v.notKept ? ` ; ${f.number(v.notKept)} de plus non conservés (plus de ${f.number(v.perPage)} sur une page, ou plus de ${f.number(v.maxLength)} caractères)` : ""}`,
  "autointel.report.images": ({ images, withoutAlt }, f) =>
    `- Images : ${f.number(images)}, dont ${f.number(withoutAlt)} sans texte alternatif`,
  "autointel.report.readProblem": ({ problem }) => `- Lecture de la page : ${problem}`,
  "autointel.report.openGraph": () => "### Métadonnées Open Graph",
  "autointel.report.propertyHeader": () => "| Propriété | Valeur |",
  "autointel.report.outline": () => "### Plan",
  "autointel.report.imagesWithoutAltHeading": () => "### Images sans texte alternatif",
  "autointel.report.topTerms": () => "## Termes fréquents",
  "autointel.report.problemHeader": () => "| Lien | Problème | Trouvé sur |",
  "autointel.report.more": ({ count }, f) => `…et ${f.number(count)} de plus dans result.json.`,

  "autointel.robots.pending": () => "robots.txt pas encore lu",
  "autointel.robots.read": (v, f) =>
    `robots.txt lu : ${f.count(v.rules, { one: "{n} règle s'applique", other: "{n} règles s'appliquent" })} à nous${v.delaySeconds > v.capSeconds ? `, Crawl-delay de ${f.duration(v.delaySeconds * 1000)} demandé, ramené à ${f.duration(v.capSeconds * 1000)}` : v.delaySeconds > 0 ? `, Crawl-delay de ${f.duration(v.delaySeconds * 1000)}` : ""}`,
  "autointel.robots.refused": ({ problem }) =>
    `robots.txt refusé (${problem}) ; aucune page au-delà de la page de départ n'a été explorée`,
  "autointel.robots.missing": ({ status }) =>
    `pas de robots.txt (HTTP ${status}) : tout est autorisé`,
  "autointel.robots.unreadable": ({ failure }) =>
    `robots.txt illisible (${failure}) : aucune page au-delà de la page de départ n'a été explorée`,
  "autointel.page.leftSite": () => "redirige hors du site",
  "autointel.page.duplicate": () => "redirige vers une page déjà analysée",
  "autointel.report.pages": ({ pages, budget }, f) =>
    `## Pages explorées (${f.number(pages)} sur un budget de ${f.number(budget)})`,
  "autointel.report.pagesHeader": () => "| # | Page | État | Titre | Mots | Remarque |",
  "autointel.report.pause": ({ ms }, f) =>
    `- Pause entre deux requêtes au site : ${f.duration(ms)}`,
  "autointel.report.robotsDisallowed": ({ list }) =>
    `- Non explorées car robots.txt les interdit : ${list}`,
  "autointel.report.linksDropped": ({ count }, f) =>
    `- ${f.count(count, { one: "{n} autre lien n'a pas été suivi", other: "{n} autres liens n'ont pas été suivis" })} (limite atteinte)`,
  "autointel.report.linksTooLong": ({ count, max }, f) =>
    `- ${f.count(count, { one: "{n} lien", other: "{n} liens" })} de plus de ${f.number(max)} caractères : ${f.plural(count, { one: "non suivi", other: "non suivis" })}`,
  "autointel.report.notChecked": (v, f) =>
    `_${f.count(v.notChecked, { one: "{n} lien", other: "{n} liens" })} au-delà du budget de ${f.number(v.budget)} : ${f.plural(v.notChecked, { one: "non vérifié", other: "non vérifiés" })} ; ${f.number(v.skipped)} ${f.plural(v.skipped, { one: "a été ignoré", other: "ont été ignorés" })} car robots.txt les interdit._`,
  "autointel.report.cappedPerHost": ({ count }, f) =>
    `_${f.count(count, { one: "{n} lien n'a pas été vérifié", other: "{n} liens n'ont pas été vérifiés" })} car leur hôte l'avait déjà été autant qu'une analyse le permet (LINK_CHECKS_PER_HOST)._`,
  "autointel.report.aiSkipped.noBinding": () => "aucune liaison IA configurée",
  "autointel.report.aiSkipped.noText": () => "Workers AI n'a renvoyé aucun texte",
  "autointel.report.aiSkipped": ({ reason }) => `_Résumé IA ignoré : ${reason}._`,
};
