import { DEPTHS } from "../../../workflows/autointel/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { autointel as english } from "../en/autointel.ts";
import { autointelReport } from "./autointel-report.ts";

const URL = "dirección";
const DEPTH = "profundidad";

export const autointel: Translation<typeof english> = {
  ...autointelReport,
  "autointel.title": () => "Análisis del sitio",
  "autointel.command.description": () =>
    "Analiza una página web y rastrea su sitio; un análisis deep dura más de los 15 minutos de Discord",
  "autointel.option.url": () => URL,
  "autointel.option.url.description": () => "La página que analizar (http:// o https://)",
  "autointel.option.depth": () => DEPTH,
  "autointel.option.depth.description": () => "Cuánto del sitio rastrear (por defecto: standard)",
  "autointel.choice.quick": () => "quick: esta página y sus enlaces",
  "autointel.choice.standard": () => "standard: hasta 10 páginas",
  "autointel.choice.deep": () => "deep: hasta 100 páginas (tarda un rato)",

  "autointel.stage.resolve": () => "Comprobando la dirección",
  "autointel.stage.fetch": () => "Descargando la página",
  "autointel.stage.extract": () => "Leyendo la página",
  "autointel.stage.crawl": () => "Rastreando el sitio",
  "autointel.stage.links": () => "Comprobando enlaces",
  "autointel.stage.summary": () => "Resumiendo",
  "autointel.progress.fetching": ({ url }) => `Descargando ${url}`,
  "autointel.progress.robots": () => "Leyendo robots.txt",
  "autointel.progress.page": ({ page, budget }, f) =>
    `Rastreando la página ${f.number(page)} de un máximo de ${f.number(budget)}`,
  "autointel.progress.link": ({ link, total }, f) =>
    `Comprobando el enlace ${f.number(link)} de ${f.number(total)}`,
  "autointel.progress.summary": () => "Pidiendo un resumen a Workers AI",
  "autointel.lighterRun.quick": () => "Repetir con profundidad quick",
  "autointel.lighterRun.standard": () => "Repetir con profundidad standard",

  "autointel.error.urlRequired": () =>
    `\`${URL}\` es obligatorio, p. ej. \`https://example.com/\`.`,
  "autointel.error.urlTooLong": ({ length, limit }, f) =>
    `\`${URL}\` tiene ${f.number(length)} caracteres; el límite es ${f.number(limit)}.`,
  "autointel.error.urlInvalid": () =>
    `\`${URL}\` no es una dirección web válida; incluye el esquema, p. ej. \`https://example.com/\`.`,
  "autointel.error.urlScheme": ({ scheme }) =>
    `\`${URL}\` debe empezar por http:// o https:// (recibido: ${scheme}).`,
  "autointel.error.urlUnsafe": ({ url, reason }) => `No analizaré ${url}: ${reason}.`,
  "autointel.error.depth": (_, f) =>
    `\`${DEPTH}\` debe ser uno de estos valores: ${f.list(DEPTHS.map((depth) => `\`${depth}\``))}.`,

  "autointel.summary.done": (v, f) =>
    `${v.name}: ${f.count(v.pages, { one: "{n} página rastreada", other: "{n} páginas rastreadas" })}, ${f.count(v.links, { one: "{n} enlace comprobado", other: "{n} enlaces comprobados" })}, ${f.count(v.broken, { one: "{n} roto", other: "{n} rotos" })}.`,
  "autointel.summary.ended": (v) =>
    `Análisis de ${v.name}: ${v.status}${v.error ? ` (${v.error})` : ""}`,
  "autointel.summary.title": ({ title }) => `«${title}»`,

  "autointel.status.completed": () => "completado",
  "autointel.status.failed": () => "fallido",
  "autointel.status.cancelled": () => "cancelado",
  "autointel.status.timedOut": () => "fuera de tiempo",
  "autointel.field.startPage": () => "Página inicial",
  "autointel.field.startPage.value": (v, f) =>
    `HTTP ${v.status} · ${f.bytes(v.bytes)} · ${f.number(v.ms)} ms`,
  "autointel.field.words": () => "Palabras",
  "autointel.field.words.value": ({ words, minutes }, f) =>
    `${f.number(words)} (~${f.number(minutes)} min de lectura)`,
  "autointel.field.language": () => "Idioma",
  "autointel.field.language.none": () => "no declarado",
  "autointel.field.pagesCrawled": () => "Páginas rastreadas",
  "autointel.field.pagesCrawled.value": ({ pages, budget }, f) =>
    `${f.number(pages)} de un máximo de ${f.number(budget)}`,
  "autointel.field.linksChecked": () => "Enlaces comprobados",
  "autointel.field.brokenLinks": () => "Enlaces rotos",
  "autointel.field.redirects": () => "Redirecciones",
  "autointel.field.imagesWithoutAlt": () => "Imágenes sin alt",
  "autointel.field.topTerms": () => "Términos frecuentes",
  "autointel.problem.http": ({ status }) => `respondió HTTP ${status}`,
  "autointel.problem.unresolved": () => "no se pudo resolver el nombre de host",
  "autointel.problem.unconnected": () => "no se pudo conectar (conexión rechazada o cortada)",
  "autointel.problem.tls": () => "falló el protocolo de enlace TLS",
  "autointel.problem.timeout": () => "no respondió a tiempo",
  "autointel.problem.unreachable": () => "no se pudo alcanzar",
  "autointel.finding.broken": () => "Enlaces rotos",
  "autointel.finding.unreached": () => "No se pudo acceder",
  "autointel.finding.refused": () => "Direcciones rechazadas (inseguras)",
  "autointel.pageProblem.answered": ({ status }) => `La página respondió ${status}.`,
  "autointel.pageProblem.notHtml": ({ type }) => `La página no es una página HTML (${type}).`,
  "autointel.pageProblem.httpError": ({ status }) => `La página respondió HTTP ${status}.`,
  "autointel.pageProblem.tooLarge": ({ limit }, f) => `La página supera ${f.bytes(limit)}.`,
  "autointel.pageProblem.refused": ({ reason }) => `No voy a descargar la página: ${reason}.`,
  "autointel.pageProblem.redirectRefused": ({ url, reason }) =>
    `La página redirigió a ${url}, que no voy a descargar: ${reason}.`,
  "autointel.pageProblem.timeout": ({ ms }, f) => `La página no respondió en ${f.duration(ms)}.`,
  "autointel.pageProblem.failed": ({ detail }) => `No se pudo descargar la página (${detail}).`,
  "autointel.pageProblem.interrupted": () => "Se interrumpió la descarga de la página.",
  "autointel.pageProblem.noType": () => "sin tipo de contenido",
  "autointel.problem.redirectRefused": ({ url, reason }) =>
    `redirige a ${url}, que se rechazó: ${reason}`,
};
