import type { Translation } from "../../catalog-types.ts";
import type { autointelReport as english } from "../en/autointel-report.ts";

export const autointelReport: Translation<typeof english> = {
  "autointel.report.title": ({ url }) => `# Análise de site: ${url}`,
  "autointel.report.meta": (v) =>
    `Profundidade: ${v.depth} · Status: ${v.status}${v.error ? ` · ${v.error}` : ""}`,
  "autointel.report.summary": () => "## Resumo",
  "autointel.report.writtenBy": ({ model }) => `_Escrito por ${model}._`,
  "autointel.report.keyFigures": () => "## Números principais",
  "autointel.report.figureHeader": () => "| Indicador | Valor |",
  "autointel.report.pagesCrawled": () => "Páginas rastreadas",
  "autointel.report.pagesCrawled.value": ({ pages, html }, f) =>
    `${f.number(pages)} (${f.count(html, { one: "{n} página HTML analisada", other: "{n} páginas HTML analisadas" })})`,
  "autointel.report.linksFound": () => "Links encontrados",
  "autointel.report.linksChecked": () => "Links verificados",
  "autointel.report.brokenLinks": () => "Links quebrados",
  "autointel.report.redirectedLinks": () => "Links redirecionados",
  "autointel.report.refusedLinks": () => "Links recusados",
  "autointel.report.refusedUnsafe": () => "Links recusados (endereços inseguros)",
  "autointel.report.imagesWithoutAlt": () => "Imagens sem texto alternativo",

  "autointel.report.startPage": () => "## Página inicial",
  "autointel.report.address": (v, f) =>
    `- Endereço: ${v.address}${v.hops ? ` (após ${f.count(v.hops, { one: "{n} redirecionamento", other: "{n} redirecionamentos" })}: ${v.list})` : ""}`,
  "autointel.report.answer": (v, f) =>
    `- Resposta: HTTP ${v.status}, ${v.contentType || "sem tipo de conteúdo"}, ${f.bytes(v.bytes)}, ${f.number(v.ms)} ms`,
  "autointel.report.pageTitle": ({ title }) => `- Título: ${title || "(nenhum)"}`,
  "autointel.report.description": ({ description }) => `- Descrição: ${description || "(nenhuma)"}`,
  "autointel.report.language": ({ lang }) => `- Idioma: ${lang || "(não declarado)"}`,
  "autointel.report.canonical": ({ canonical }) => `- Canônico: ${canonical || "(nenhum)"}`,
  "autointel.report.words": ({ words, minutes }, f) =>
    `- Palavras: ${f.number(words)} (cerca de ${f.number(minutes)} min de leitura)`,
  "autointel.report.links": (v, f) =>
    `- Links: ${f.number(v.web)} para páginas web, ${f.number(v.other)} outros (e-mail, telefone…)${v.notKept ? `; mais ${f.number(v.notKept)} não guardados (mais de ${f.number(v.perPage)} em uma página, ou mais de ${f.number(v.maxLength)} caracteres)` : ""}`,
  "autointel.report.images": ({ images, withoutAlt }, f) =>
    `- Imagens: ${f.number(images)}, das quais ${f.number(withoutAlt)} sem texto alternativo`,
  "autointel.report.readProblem": ({ problem }) => `- Ao ler a página: ${problem}`,
  "autointel.report.openGraph": () => "### Metadados Open Graph",
  "autointel.report.propertyHeader": () => "| Propriedade | Valor |",
  "autointel.report.outline": () => "### Estrutura",
  "autointel.report.imagesWithoutAltHeading": () => "### Imagens sem texto alternativo",
  "autointel.report.topTerms": () => "## Termos frequentes",
  "autointel.report.problemHeader": () => "| Link | Problema | Encontrado em |",
  "autointel.report.more": ({ count }, f) => `…e mais ${f.number(count)} em result.json.`,

  "autointel.robots.pending": () => "robots.txt ainda não lido",
  "autointel.robots.read": (v, f) =>
    `robots.txt lido: ${f.count(v.rules, { one: "{n} regra se aplica", other: "{n} regras se aplicam" })} a nós${v.delaySeconds > v.capSeconds ? `, Crawl-delay de ${f.duration(v.delaySeconds * 1000)} pedido, reduzido para ${f.duration(v.capSeconds * 1000)}` : v.delaySeconds > 0 ? `, Crawl-delay de ${f.duration(v.delaySeconds * 1000)}` : ""}`,
  "autointel.robots.refused": ({ problem }) =>
    `robots.txt recusado (${problem}); nenhuma página além da inicial foi rastreada`,
  "autointel.robots.missing": ({ status }) => `sem robots.txt (HTTP ${status}): tudo permitido`,
  "autointel.robots.unreadable": ({ failure }) =>
    `robots.txt ilegível (${failure}): nenhuma página além da inicial foi rastreada`,
  "autointel.page.leftSite": () => "redireciona para fora do site",
  "autointel.page.duplicate": () => "redireciona para uma página já analisada",
  "autointel.report.pages": ({ pages, budget }, f) =>
    `## Páginas rastreadas (${f.number(pages)} de um orçamento de ${f.number(budget)})`,
  "autointel.report.pagesHeader": () => "| # | Página | Status | Título | Palavras | Nota |",
  "autointel.report.pause": ({ ms }, f) => `- Pausa entre requisições ao site: ${f.duration(ms)}`,
  "autointel.report.robotsDisallowed": ({ list }) =>
    `- Não rastreadas porque o robots.txt proíbe: ${list}`,
  "autointel.report.linksDropped": ({ count }, f) =>
    `- ${f.count(count, { one: "Mais {n} link não foi acompanhado", other: "Mais {n} links não foram acompanhados" })} (limite atingido)`,
  "autointel.report.linksTooLong": ({ count, max }, f) =>
    `- ${f.count(count, { one: "{n} link", other: "{n} links" })} com mais de ${f.number(max)} caracteres não ${f.plural(count, { one: "foi seguido", other: "foram seguidos" })}`,
  "autointel.report.notChecked": (v, f) =>
    `_${f.count(v.notChecked, { one: "{n} link", other: "{n} links" })} além do orçamento de ${f.number(v.budget)} não ${f.plural(v.notChecked, { one: "foi verificado", other: "foram verificados" })}; ${f.number(v.skipped)} ${f.plural(v.skipped, { one: "foi ignorado", other: "foram ignorados" })} porque o robots.txt proíbe._`,
  "autointel.report.cappedPerHost": ({ count }, f) =>
    `_${f.count(count, { one: "{n} link não foi verificado", other: "{n} links não foram verificados" })} porque o host deles já tinha sido verificado tantas vezes quanto uma análise permite (LINK_CHECKS_PER_HOST)._`,
  "autointel.report.aiSkipped.noBinding": () => "nenhum binding de IA configurado",
  "autointel.report.aiSkipped.noText": () => "o Workers AI não retornou texto",
  "autointel.report.aiSkipped": ({ reason }) => `_Resumo por IA ignorado: ${reason}._`,
};
