import type { Translation } from "../../catalog-types.ts";
import type { engine as english } from "../en/engine.ts";

const WORKFLOWS = { one: "{n} fluxo", other: "{n} fluxos" };
const REQUESTS = { one: "{n} requisição", other: "{n} requisições" };

export const engine: Translation<typeof english> = {
  "engine.cancelButton": () => "Cancelar",
  "engine.liveViewButton": () => "Ver ao vivo",
  "engine.workflowFallbackTitle": () => "Fluxo de trabalho",
  "engine.progressLine": ({ fraction, stage, stages }, f) =>
    `${f.percent(fraction)} · etapa ${f.number(stage)}/${f.number(stages)}`,
  "engine.progressLineLabelled": ({ fraction, stage, stages, label }, f) =>
    `${f.percent(fraction)} · etapa ${f.number(stage)}/${f.number(stages)}: ${label}`,
  "engine.clockReplyWindowOpen": ({ elapsedMs, leftMs }, f) =>
    `Decorrido: ${f.duration(elapsedMs)} · janela de resposta: restam ${f.duration(leftMs)}`,
  "engine.clockReplyWindowClosed": ({ elapsedMs }, f) =>
    `Decorrido: ${f.duration(elapsedMs)} · a janela de resposta do Discord fechou; o progresso continua aqui`,
  "engine.endedCompleted": () => "✅ Concluído; o resultado foi entregue em uma mensagem própria.",
  "engine.endedFailed": () => "❌ Falhou.",
  "engine.endedCancelled": () => "🛑 Cancelado por quem o iniciou.",
  "engine.endedTimedOut": () =>
    "⌛ Tempo esgotado; o resultado parcial foi entregue em uma mensagem própria.",
  "engine.workflowFooter": ({ workflowId }) => `-# fluxo ${workflowId}`,
  "engine.startNotice": ({ estimateMs, retrieveCommand }, f) =>
    `Isso vai levar cerca de ${f.duration(estimateMs)}, mais do que a janela de resposta de 15 minutos do Discord. Antes de a janela fechar, o progresso passa para uma nova mensagem neste canal, e o resultado chegará a você aqui, no canal ou por DM. Você sempre pode buscá-lo com ${retrieveCommand}.`,
  "engine.replyWindowWarning": ({ leftMs, retrieveCommand }, f) =>
    `⏳ A janela de resposta do Discord para este comando fecha em ${f.duration(leftMs)}. O fluxo continua em execução; o progresso segue em uma nova mensagem e o resultado ainda chegará a você (ou use ${retrieveCommand}).`,
  "engine.noRouteWarning": () =>
    "⚠️ Não consigo postar neste canal: se isso levar mais de 15 minutos, o resultado ficará esperando por `/retrieve_results` (também vou tentar uma DM).",
  "engine.handoffPointer": ({ link }) => `➡️ O progresso continua em ${link}`,
  "engine.deadlineExtended": ({ stepMs, until, final }, f) =>
    `⏱️ Ainda em andamento; ganhou mais ${f.duration(stepMs)}, até ${until}${final ? " (o máximo possível)" : ""}.`,
  "engine.deadlineExtendedLabelled": ({ stepMs, until, final, label }, f) =>
    `⏱️ Ainda em andamento (${label}); ganhou mais ${f.duration(stepMs)}, até ${until}${final ? " (o máximo possível)" : ""}.`,
  "engine.deadlineWarning": ({ leftMs, at }, f) =>
    `⏳ Limite de tempo em ${f.duration(leftMs)} (${at}): então o que tiver sido feito até lá será entregue como resultado parcial.`,
  "engine.resumedNotice": () => "🔄 Retomado após uma atualização; nada foi perdido.",
  "engine.waitingForWorkerLabel": () => "Aguardando um executor livre",
  "engine.cancelledByOwner": () => "Cancelado por quem o iniciou.",
  "engine.stageFailed": ({ stage, error }) => `A etapa “${stage}” falhou: ${error}`,
  "engine.stageGaveUp": ({ stage }) =>
    `A etapa “${stage}” continuou falhando e foi abandonada após a última tentativa.`,
  "engine.stageUnresponsive": ({ stage, times }, f) =>
    `A etapa “${stage}” parou de responder ${f.count(times, { one: "uma vez", other: "{n} vezes" })} e foi abandonada.`,
  "engine.timedOut": ({ limitMs, stage }, f) =>
    `Parou no limite de tempo de ${f.duration(limitMs)} durante “${stage}”; este é um resultado parcial. O botão de tentar novamente continua a partir da última etapa concluída.`,
  "engine.kindRemoved": ({ kind }) =>
    `Este bot não executa mais fluxos “${kind}” (uma atualização os removeu); o que terminou antes está no resultado.`,
  "engine.stageRemoved": ({ stage }) =>
    `Este fluxo foi iniciado em uma versão anterior do bot, cuja etapa “${stage}” não existe mais; o que terminou antes está no resultado.`,
  "engine.accessViewChannel": () =>
    "Não consigo ver esse canal: dê a mim (o bot) a permissão “Ver canal” lá e execute de novo.",
  "engine.accessReadHistory": () =>
    "Consigo ver esse canal, mas não o histórico dele: dê a mim (o bot) a permissão “Ver histórico de mensagens” lá e execute de novo.",
  "engine.accessUnknownChannel": () =>
    "Esse canal não existe mais (ou eu nunca fui adicionado ao servidor dele).",
  "engine.quotaRunningItem": ({ workflowId, command, startedAt }) =>
    `• ${workflowId} ${command} · iniciado ${startedAt}`,
  "engine.quotaUserRunning": ({ count, list }, f) =>
    `⏸️ Você já tem ${f.count(count, WORKFLOWS)} em execução, o máximo permitido; nada foi iniciado.${list}\nCancele um com o botão Cancelar na mensagem de progresso dele ou em \`/workflows\`, ou espere um terminar e execute o comando de novo.`,
  "engine.quotaServerRunning": ({ limit }, f) =>
    `⏸️ Este servidor já tem ${f.count(limit, WORKFLOWS)} em execução, o máximo permitido; nada foi iniciado. Uma vaga é liberada assim que um deles terminar: tente de novo em alguns minutos.`,
  "engine.quotaGlobalRunning": ({ limit }, f) =>
    `⏸️ O bot já está executando tantos fluxos ao mesmo tempo quanto permite (${f.number(limit)}, somando todo mundo); nada foi iniciado. Uma vaga é liberada assim que um terminar: tente de novo em alguns minutos.`,
  "engine.quotaDailyRuns": ({ mine, limit, refillsAt }, f) =>
    `⏸️ ${mine ? "Seu orçamento" : "O orçamento deste servidor"} de ${f.count(limit, { one: "{n} execução", other: "{n} execuções" })} por dia acabou; nada foi iniciado. Ele se renova ${refillsAt}. Até lá, os resultados anteriores continuam disponíveis com \`/retrieve_results\`.`,
  "engine.quotaDailyRunsNoRefill": ({ mine, limit }, f) =>
    `⏸️ ${mine ? "Seu orçamento" : "O orçamento deste servidor"} de ${f.count(limit, { one: "{n} execução", other: "{n} execuções" })} por dia acabou; nada foi iniciado. Ele se renova conforme as execuções anteriores saem da janela de um dia. Até lá, os resultados anteriores continuam disponíveis com \`/retrieve_results\`.`,
  "engine.quotaRequestsOverBudget": ({ mine, needed, limit }, f) =>
    `⏸️ Esta execução faria até ${f.count(needed, REQUESTS)} a sites, mais do que ${mine ? "todo o seu orçamento diário" : "todo o orçamento diário deste servidor"} de ${f.number(limit)}; nada foi iniciado. Escolha uma execução mais leve (por exemplo, uma profundidade menor).`,
  "engine.quotaRequestsLeft": ({ mine, needed, limit, left, refillsAt }, f) =>
    `⏸️ Esta execução faria até ${f.count(needed, REQUESTS)} a sites; ${mine ? "seu orçamento diário" : "o orçamento diário deste servidor"} de ${f.number(limit)} tem só ${f.number(left)} restantes, então nada foi iniciado. O suficiente se renova ${refillsAt}. Agora, cabe uma execução mais leve que precise de no máximo ${f.count(left, REQUESTS)} (por exemplo, uma profundidade menor).`,
  "engine.startFailed": () =>
    "⚠️ Desculpe, não consegui iniciar isso (nada foi iniciado). Tente de novo em um minuto.",
};
