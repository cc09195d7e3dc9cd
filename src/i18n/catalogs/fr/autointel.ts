import { DEPTHS } from "../../../workflows/autointel/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { autointel as english } from "../en/autointel.ts";
import { autointelReport } from "./autointel-report.ts";

const URL = "adresse";
const DEPTH = "profondeur";

export const autointel: Translation<typeof english> = {
  ...autointelReport,
  "autointel.title": () => "Analyse de site",
  "autointel.command.description": () =>
    "Analyser une page web et explorer son site ; une analyse deep dépasse les 15 minutes de Discord",
  "autointel.option.url": () => URL,
  "autointel.option.url.description": () => "La page à analyser (http:// ou https://)",
  "autointel.option.depth": () => DEPTH,
  "autointel.option.depth.description": () =>
    "Quelle part du site explorer (par défaut : standard)",
  "autointel.choice.quick": () => "quick : cette page et ses liens",
  "autointel.choice.standard": () => "standard : jusqu'à 10 pages",
  "autointel.choice.deep": () => "deep : jusqu'à 100 pages (prend un moment)",

  "autointel.stage.resolve": () => "Vérification de l'adresse",
  "autointel.stage.fetch": () => "Récupération de la page",
  "autointel.stage.extract": () => "Lecture de la page",
  "autointel.stage.crawl": () => "Exploration du site",
  "autointel.stage.links": () => "Vérification des liens",
  "autointel.stage.summary": () => "Résumé",
  "autointel.progress.fetching": ({ url }) => `Récupération de ${url}`,
  "autointel.progress.robots": () => "Lecture de robots.txt",
  "autointel.progress.page": ({ page, budget }, f) =>
    `Exploration de la page ${f.number(page)} sur ${f.number(budget)} au plus`,
  "autointel.progress.link": ({ link, total }, f) =>
    `Vérification du lien ${f.number(link)} sur ${f.number(total)}`,
  "autointel.progress.summary": () => "Demande d'un résumé à Workers AI",
  "autointel.lighterRun.quick": () => "Relancer en profondeur quick",
  "autointel.lighterRun.standard": () => "Relancer en profondeur standard",

  "autointel.error.urlRequired": () =>
    `\`${URL}\` est obligatoire, par exemple \`https://example.com/\`.`,
  "autointel.error.urlTooLong": ({ length, limit }, f) =>
    `\`${URL}\` fait ${f.number(length)} caractères ; la limite est de ${f.number(limit)}.`,
  "autointel.error.urlInvalid": () =>
    `\`${URL}\` n'est pas une adresse web valide ; indiquez le schéma, par exemple \`https://example.com/\`.`,
  "autointel.error.urlScheme": ({ scheme }) =>
    `\`${URL}\` doit commencer par http:// ou https:// (reçu : ${scheme}).`,
  "autointel.error.urlUnsafe": ({ url, reason }) => `Je n'analyserai pas ${url} : ${reason}.`,
  "autointel.error.depth": (_, f) =>
    `\`${DEPTH}\` doit être l'une de ces valeurs : ${f.list(DEPTHS.map((depth) => `\`${depth}\``))}.`,

  "autointel.summary.done": (v, f) =>
    `${v.name} : ${f.count(v.pages, { one: "{n} page explorée", other: "{n} pages explorées" })}, ${f.count(v.links, { one: "{n} lien vérifié", other: "{n} liens vérifiés" })}, ${f.count(v.broken, { one: "{n} cassé", other: "{n} cassés" })}.`,
  "autointel.summary.ended": (v) =>
    `Analyse de ${v.name} ${v.status}${v.error ? ` : ${v.error}` : ""}`,
  "autointel.summary.title": ({ title }) => `« ${title} »`,

  "autointel.status.completed": () => "terminée",
  "autointel.status.failed": () => "échouée",
  "autointel.status.cancelled": () => "annulée",
  "autointel.status.timedOut": () => "hors délai",
  "autointel.field.startPage": () => "Page de départ",
  "autointel.field.startPage.value": (v, f) =>
    `HTTP ${v.status} · ${f.bytes(v.bytes)} · ${f.number(v.ms)} ms`,
  "autointel.field.words": () => "Mots",
  "autointel.field.words.value": ({ words, minutes }, f) =>
    `${f.number(words)} (~${f.number(minutes)} min de lecture)`,
  "autointel.field.language": () => "Langue",
  "autointel.field.language.none": () => "non déclarée",
  "autointel.field.pagesCrawled": () => "Pages explorées",
  "autointel.field.pagesCrawled.value": ({ pages, budget }, f) =>
    `${f.number(pages)} sur ${f.number(budget)} au plus`,
  "autointel.field.linksChecked": () => "Liens vérifiés",
  "autointel.field.brokenLinks": () => "Liens cassés",
  "autointel.field.redirects": () => "Redirections",
  "autointel.field.imagesWithoutAlt": () => "Images sans alt",
  "autointel.field.topTerms": () => "Termes fréquents",
  "autointel.problem.http": ({ status }) => `a répondu HTTP ${status}`,
  "autointel.problem.unresolved": () => "nom d'hôte introuvable",
  "autointel.problem.unconnected": () => "connexion impossible (refusée ou interrompue)",
  "autointel.problem.tls": () => "échec de la négociation TLS",
  "autointel.problem.timeout": () => "n'a pas répondu à temps",
  "autointel.problem.unreachable": () => "injoignable",
  "autointel.finding.broken": () => "Liens cassés",
  "autointel.finding.unreached": () => "Injoignables",
  "autointel.finding.refused": () => "Adresses refusées (dangereuses)",
  "autointel.pageProblem.answered": ({ status }) => `La page a répondu ${status}.`,
  "autointel.pageProblem.notHtml": ({ type }) => `La page n’est pas une page HTML (${type}).`,
  "autointel.pageProblem.httpError": ({ status }) => `La page a répondu HTTP ${status}.`,
  "autointel.pageProblem.tooLarge": ({ limit }, f) => `La page dépasse ${f.bytes(limit)}.`,
  "autointel.pageProblem.refused": ({ reason }) => `Je ne récupère pas cette page : ${reason}.`,
  "autointel.pageProblem.redirectRefused": ({ url, reason }) =>
    `La page redirige vers ${url}, que je ne récupère pas : ${reason}.`,
  "autointel.pageProblem.timeout": ({ ms }, f) => `La page n’a pas répondu en ${f.duration(ms)}.`,
  "autointel.pageProblem.failed": ({ detail }) => `La page n’a pas pu être récupérée (${detail}).`,
  "autointel.pageProblem.interrupted": () => "La récupération de la page a été interrompue.",
  "autointel.pageProblem.noType": () => "aucun type de contenu",
  "autointel.problem.redirectRefused": ({ url, reason }) =>
    `redirige vers ${url}, qui a été refusé : ${reason}`,
};
