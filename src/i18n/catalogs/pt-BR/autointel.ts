import { DEPTHS } from "../../../workflows/autointel/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { autointel as english } from "../en/autointel.ts";
import { autointelReport } from "./autointel-report.ts";

const URL = "endereço";
const DEPTH = "profundidade";

export const autointel: Translation<typeof english> = {
  ...autointelReport,
  "autointel.title": () => "Análise de site",
  "autointel.command.description": () =>
    "Analisa uma página web e rastreia o site; uma análise deep passa dos 15 minutos do Discord",
  "autointel.option.url": () => URL,
  "autointel.option.url.description": () => "A página a analisar (http:// ou https://)",
  "autointel.option.depth": () => DEPTH,
  "autointel.option.depth.description": () => "Quanto do site rastrear (padrão: standard)",
  "autointel.choice.quick": () => "quick: esta página e seus links",
  "autointel.choice.standard": () => "standard: até 10 páginas",
  "autointel.choice.deep": () => "deep: até 100 páginas (demora um pouco)",

  "autointel.stage.resolve": () => "Verificando o endereço",
  "autointel.stage.fetch": () => "Baixando a página",
  "autointel.stage.extract": () => "Lendo a página",
  "autointel.stage.crawl": () => "Rastreando o site",
  "autointel.stage.links": () => "Verificando links",
  "autointel.stage.summary": () => "Resumindo",
  "autointel.progress.fetching": ({ url }) => `Baixando ${url}`,
  "autointel.progress.robots": () => "Lendo robots.txt",
  "autointel.progress.page": ({ page, budget }, f) =>
    `Rastreando a página ${f.number(page)} de até ${f.number(budget)}`,
  "autointel.progress.link": ({ link, total }, f) =>
    `Verificando o link ${f.number(link)} de ${f.number(total)}`,
  "autointel.progress.summary": () => "Pedindo um resumo ao Workers AI",
  "autointel.lighterRun.quick": () => "Executar de novo com profundidade quick",
  "autointel.lighterRun.standard": () => "Executar de novo com profundidade standard",

  "autointel.error.urlRequired": () =>
    `\`${URL}\` é obrigatório, por exemplo \`https://example.com/\`.`,
  "autointel.error.urlTooLong": ({ length, limit }, f) =>
    `\`${URL}\` tem ${f.number(length)} caracteres; o limite é ${f.number(limit)}.`,
  "autointel.error.urlInvalid": () =>
    `\`${URL}\` não é um endereço web válido; inclua o esquema, por exemplo \`https://example.com/\`.`,
  "autointel.error.urlScheme": ({ scheme }) =>
    `\`${URL}\` precisa começar com http:// ou https:// (recebido: ${scheme}).`,
  "autointel.error.urlUnsafe": ({ url, reason }) => `Não vou analisar ${url}: ${reason}.`,
  "autointel.error.depth": (_, f) =>
    `\`${DEPTH}\` precisa ser um destes valores: ${f.list(DEPTHS.map((depth) => `\`${depth}\``))}.`,

  "autointel.summary.done": (v, f) =>
    `${v.name}: ${f.count(v.pages, { one: "{n} página rastreada", other: "{n} páginas rastreadas" })}, ${f.count(v.links, { one: "{n} link verificado", other: "{n} links verificados" })}, ${f.count(v.broken, { one: "{n} quebrado", other: "{n} quebrados" })}.`,
  "autointel.summary.ended": (v) =>
    `Análise de ${v.name}: ${v.status}${v.error ? ` (${v.error})` : ""}`,
  "autointel.summary.title": ({ title }) => `“${title}”`,

  "autointel.status.completed": () => "concluída",
  "autointel.status.failed": () => "falhou",
  "autointel.status.cancelled": () => "cancelada",
  "autointel.status.timedOut": () => "tempo esgotado",
  "autointel.field.startPage": () => "Página inicial",
  "autointel.field.startPage.value": (v, f) =>
    `HTTP ${v.status} · ${f.bytes(v.bytes)} · ${f.number(v.ms)} ms`,
  "autointel.field.words": () => "Palavras",
  "autointel.field.words.value": ({ words, minutes }, f) =>
    `${f.number(words)} (~${f.number(minutes)} min de leitura)`,
  "autointel.field.language": () => "Idioma",
  "autointel.field.language.none": () => "não declarado",
  "autointel.field.pagesCrawled": () => "Páginas rastreadas",
  "autointel.field.pagesCrawled.value": ({ pages, budget }, f) =>
    `${f.number(pages)} de até ${f.number(budget)}`,
  "autointel.field.linksChecked": () => "Links verificados",
  "autointel.field.brokenLinks": () => "Links quebrados",
  "autointel.field.redirects": () => "Redirecionamentos",
  "autointel.field.imagesWithoutAlt": () => "Imagens sem alt",
  "autointel.field.topTerms": () => "Termos frequentes",
  "autointel.problem.http": ({ status }) => `respondeu HTTP ${status}`,
  "autointel.problem.unresolved": () => "não foi possível resolver o nome do host",
  "autointel.problem.unconnected": () =>
    "não foi possível conectar (conexão recusada ou interrompida)",
  "autointel.problem.tls": () => "falha no handshake TLS",
  "autointel.problem.timeout": () => "não respondeu a tempo",
  "autointel.problem.unreachable": () => "não foi possível alcançar",
  "autointel.finding.broken": () => "Links quebrados",
  "autointel.finding.unreached": () => "Não foi possível acessar",
  "autointel.finding.refused": () => "Endereços recusados (inseguros)",
  "autointel.pageProblem.answered": ({ status }) => `A página respondeu ${status}.`,
  "autointel.pageProblem.notHtml": ({ type }) => `A página não é uma página HTML (${type}).`,
  "autointel.pageProblem.httpError": ({ status }) => `A página respondeu HTTP ${status}.`,
  "autointel.pageProblem.tooLarge": ({ limit }, f) => `A página é maior que ${f.bytes(limit)}.`,
  "autointel.pageProblem.refused": ({ reason }) => `Não vou buscar a página: ${reason}.`,
  "autointel.pageProblem.redirectRefused": ({ url, reason }) =>
    `A página redirecionou para ${url}, que não vou buscar: ${reason}.`,
  "autointel.pageProblem.timeout": ({ ms }, f) => `A página não respondeu em ${f.duration(ms)}.`,
  "autointel.pageProblem.failed": ({ detail }) => `Não foi possível buscar a página (${detail}).`,
  "autointel.pageProblem.interrupted": () => "A busca da página foi interrompida.",
  "autointel.pageProblem.noType": () => "sem tipo de conteúdo",
  "autointel.problem.redirectRefused": ({ url, reason }) =>
    `redireciona para ${url}, que foi recusado: ${reason}`,
};
