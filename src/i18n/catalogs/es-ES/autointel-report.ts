import type { Translation } from "../../catalog-types.ts";
import type { autointelReport as english } from "../en/autointel-report.ts";

export const autointelReport: Translation<typeof english> = {
  "autointel.report.title": ({ url }) => `# Análisis del sitio: ${url}`,
  "autointel.report.meta": (v) =>
    `Profundidad: ${v.depth} · Estado: ${v.status}${v.error ? ` · ${v.error}` : ""}`,
  "autointel.report.summary": () => "## Resumen",
  "autointel.report.writtenBy": ({ model }) => `_Escrito por ${model}._`,
  "autointel.report.keyFigures": () => "## Cifras clave",
  "autointel.report.figureHeader": () => "| Cifra | Valor |",
  "autointel.report.pagesCrawled": () => "Páginas rastreadas",
  "autointel.report.pagesCrawled.value": ({ pages, html }, f) =>
    `${f.number(pages)} (${f.count(html, { one: "{n} página HTML analizada", other: "{n} páginas HTML analizadas" })})`,
  "autointel.report.linksFound": () => "Enlaces encontrados",
  "autointel.report.linksChecked": () => "Enlaces comprobados",
  "autointel.report.brokenLinks": () => "Enlaces rotos",
  "autointel.report.redirectedLinks": () => "Enlaces redirigidos",
  "autointel.report.refusedLinks": () => "Enlaces rechazados",
  "autointel.report.refusedUnsafe": () => "Enlaces rechazados (direcciones inseguras)",
  "autointel.report.imagesWithoutAlt": () => "Imágenes sin texto alternativo",

  "autointel.report.startPage": () => "## Página inicial",
  "autointel.report.address": (v, f) =>
    `- Dirección: ${v.address}${v.hops ? ` (tras ${f.count(v.hops, { one: "{n} redirección", other: "{n} redirecciones" })}: ${v.list})` : ""}`,
  "autointel.report.answer": (v, f) =>
    `- Respuesta: HTTP ${v.status}, ${v.contentType || "sin tipo de contenido"}, ${f.bytes(v.bytes)}, ${f.number(v.ms)} ms`,
  "autointel.report.pageTitle": ({ title }) => `- Título: ${title || "(ninguno)"}`,
  "autointel.report.description": ({ description }) =>
    `- Descripción: ${description || "(ninguna)"}`,
  "autointel.report.language": ({ lang }) => `- Idioma: ${lang || "(no declarado)"}`,
  "autointel.report.canonical": ({ canonical }) => `- Canónica: ${canonical || "(ninguna)"}`,
  "autointel.report.words": ({ words, minutes }, f) =>
    `- Palabras: ${f.number(words)} (unos ${f.number(minutes)} min de lectura)`,
  "autointel.report.links": (v, f) =>
    `- Enlaces: ${f.number(v.web)} a páginas web, ${f.number(v.other)} otros (correo, teléfono…)${v.notKept ? `; ${f.number(v.notKept)} más sin guardar (más de ${f.number(v.perPage)} en una página, o más de ${f.number(v.maxLength)} caracteres)` : ""}`,
  "autointel.report.images": ({ images, withoutAlt }, f) =>
    `- Imágenes: ${f.number(images)}, de las cuales ${f.number(withoutAlt)} sin texto alternativo`,
  "autointel.report.readProblem": ({ problem }) => `- Al leer la página: ${problem}`,
  "autointel.report.openGraph": () => "### Metadatos Open Graph",
  "autointel.report.propertyHeader": () => "| Propiedad | Valor |",
  "autointel.report.outline": () => "### Estructura",
  "autointel.report.imagesWithoutAltHeading": () => "### Imágenes sin texto alternativo",
  "autointel.report.topTerms": () => "## Términos frecuentes",
  "autointel.report.problemHeader": () => "| Enlace | Problema | Encontrado en |",
  "autointel.report.more": ({ count }, f) => `…y ${f.number(count)} más en result.json.`,

  "autointel.robots.pending": () => "robots.txt aún no leído",
  "autointel.robots.read": (v, f) =>
    `robots.txt leído: ${f.count(v.rules, { one: "{n} regla nos afecta", other: "{n} reglas nos afectan" })}${v.delaySeconds > v.capSeconds ? `, Crawl-delay de ${f.duration(v.delaySeconds * 1000)} pedido, reducido a ${f.duration(v.capSeconds * 1000)}` : v.delaySeconds > 0 ? `, Crawl-delay de ${f.duration(v.delaySeconds * 1000)}` : ""}`,
  "autointel.robots.refused": ({ problem }) =>
    `robots.txt rechazado (${problem}); no se rastreó ninguna página aparte de la inicial`,
  "autointel.robots.missing": ({ status }) => `no hay robots.txt (HTTP ${status}): todo permitido`,
  "autointel.robots.unreadable": ({ failure }) =>
    `robots.txt ilegible (${failure}): no se rastreó ninguna página aparte de la inicial`,
  "autointel.page.leftSite": () => "redirige fuera del sitio",
  "autointel.page.duplicate": () => "redirige a una página ya analizada",
  "autointel.report.pages": ({ pages, budget }, f) =>
    `## Páginas rastreadas (${f.number(pages)} de un presupuesto de ${f.number(budget)})`,
  "autointel.report.pagesHeader": () => "| # | Página | Estado | Título | Palabras | Nota |",
  "autointel.report.pause": ({ ms }, f) => `- Pausa entre peticiones al sitio: ${f.duration(ms)}`,
  "autointel.report.robotsDisallowed": ({ list }) =>
    `- No rastreadas porque robots.txt lo prohíbe: ${list}`,
  "autointel.report.linksDropped": ({ count }, f) =>
    `- ${f.count(count, { one: "{n} enlace más no se siguió", other: "{n} enlaces más no se siguieron" })} (límite alcanzado)`,
  "autointel.report.linksTooLong": ({ count, max }, f) =>
    `- ${f.count(count, { one: "{n} enlace de más de", other: "{n} enlaces de más de" })} ${f.number(max)} caracteres no se ${f.plural(count, { one: "siguió", other: "siguieron" })}`,
  "autointel.report.notChecked": (v, f) =>
    `_${f.count(v.notChecked, { one: "{n} enlace", other: "{n} enlaces" })} más allá del presupuesto de ${f.number(v.budget)} no se ${f.plural(v.notChecked, { one: "comprobó", other: "comprobaron" })}; ${f.number(v.skipped)} se ${f.plural(v.skipped, { one: "omitió", other: "omitieron" })} porque robots.txt lo prohíbe._`,
  "autointel.report.cappedPerHost": ({ count }, f) =>
    `_${f.count(count, { one: "{n} enlace no se comprobó", other: "{n} enlaces no se comprobaron" })} porque su host ya se había comprobado tantas veces como permite un análisis (LINK_CHECKS_PER_HOST)._`,
  "autointel.report.aiSkipped.noBinding": () => "no hay ningún binding de IA",
  "autointel.report.aiSkipped.noText": () => "Workers AI no devolvió texto",
  "autointel.report.aiSkipped": ({ reason }) => `_Resumen por IA omitido: ${reason}._`,
};
