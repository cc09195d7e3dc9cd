import type { Translation } from "../../catalog-types.ts";
import type { live as english } from "../en/live.ts";

export const live: Translation<typeof english> = {
  "live.pageTitle": ({ title }) => `${title} · visualização ao vivo`,
  "live.workflowId": () => "ID do fluxo de trabalho",
  "live.statusQueued": () => "Na fila",
  "live.statusRunning": () => "Em execução",
  "live.statusCompleted": () => "Concluído",
  "live.statusFailed": () => "Falhou",
  "live.statusCancelled": () => "Cancelado",
  "live.statusTimedOut": () => "Tempo esgotado",
  "live.progressHeading": () => "Progresso",
  "live.stagesHeading": () => "Etapas",
  "live.clockHeading": () => "Janela de resposta",
  "live.deliveryHeading": () => "Entrega",
  "live.warningsHeading": () => "Avisos",
  "live.resultHeading": () => "Resultado",
  "live.eventLog": ({ count }) => `Registro de eventos (${count})`,
  "live.downloadReport": () => "Baixar report.md",
  "live.noscript": () =>
    "Esta página se atualiza com JavaScript; recarregue-a para ver o estado mais recente.",
  "live.done": () => "Pronto",

  "live.stageOf": ({ stage, count }) => `Etapa ${stage} de ${count}`,
  "live.stageRestarted": ({ count }) => `reiniciada ${count}×`,
  "live.stageWaiting": () => "aguardando",
  "live.stageSoFar": ({ duration }) => `${duration} até agora`,
  "live.timelineExpired": () => "A linha do tempo das etapas expirou.",
  "live.elapsed": ({ duration }) => `Decorrido: ${duration}`,

  "live.routeInteraction": () => "a resposta ao comando",
  "live.routeWebhook": () => "uma mensagem de webhook no canal",
  "live.routeChannel": () => "uma mensagem do bot no canal",
  "live.routeDm": () => "uma mensagem direta",
  "live.routeOther": () => "uma mensagem do bot",

  "live.warnTokenSoon": ({ duration }) =>
    `A janela de resposta do Discord fecha em ${duration}; o trabalho continua.`,
  "live.warnTokenDead": () =>
    "A janela de resposta do Discord fechou antes do previsto; o trabalho continua.",
  "live.warnHandoff": ({ route }) => `O progresso agora aparece em ${route}.`,
  "live.warnHandoffFailed": () =>
    "O progresso não pôde passar para uma mensagem do bot; esta página continua mostrando-o.",
  "live.warnStageRetrying": ({ stage, error }) =>
    `A etapa ${stage} falhou e está sendo repetida: ${error}`,
  "live.warnStageRedriven": ({ stage }) => `A etapa ${stage} parou de responder e foi reiniciada.`,
  "live.warnDeliveryRetry": ({ route }) =>
    `A entrega por ${route} falhou por enquanto; tentando de novo.`,
  "live.warnDeliveryImpossible": ({ route, reason }) =>
    `A entrega por ${route} é impossível: ${reason}`,
  "live.warnOrphaned": () =>
    "Não foi possível entregar o resultado no Discord; busque-o com /retrieve_results.",
  "live.warnStoppedEarly": () => "O fluxo de trabalho parou antes do fim.",
  "live.warnVersionChanged": () => "O bot foi atualizado durante a execução; ele seguiu em frente.",
  "live.warnDeadlineExtended": ({ duration }) => `Ainda avançando: ganhou mais ${duration}.`,
  "live.warnDeadlineCap": () => "Sem mais tempo: o teto do limite de tempo foi atingido.",
  "live.warnDeadlineStalled": () => "Sem mais tempo: nenhum progresso recente.",
  "live.warnDeadlineSoon": ({ duration }) =>
    `Limite de tempo em ${duration}; depois o resultado parcial é entregue.`,
  "live.warningsNone": () => "Nenhum.",
  "live.warningsNoneSoFar": () => "Nenhum até agora.",

  "live.clockOutlived": ({ duration }) =>
    `Executou por ${duration}; mais que a janela de resposta de 15 minutos do Discord.`,
  "live.clockStillOpen": ({ duration }) =>
    `Executou por ${duration}; a janela de resposta do Discord ainda estava aberta no fim.`,
  "live.clockClosedMoved": ({ route }) =>
    `A janela de resposta de 15 minutos do Discord fechou; o progresso continua em ${route} e aqui.`,
  "live.clockClosedHere": () =>
    "A janela de resposta de 15 minutos do Discord fechou; o progresso continua aqui.",
  "live.clockLeft": ({ duration }) => `Restam ${duration} na janela de resposta do Discord.`,

  "live.deliveryDone": ({ route }) => `Entregue por ${route}.`,
  "live.deliveryDoneAt": ({ route, time }) => `Entregue por ${route} às ${time}.`,
  "live.deliveryOrphaned": ({ workflowId }) =>
    `Não é possível entregar no Discord: use /retrieve_results workflow_id:${workflowId}.`,
  "live.deliveryPending": () => "Resultado salvo; entregando no Discord…",
  "live.deliveryArchived": () => "Entregue antes; este é o resultado armazenado.",
  "live.deliveryNotYet": () =>
    "O resultado é salvo e depois entregue quando o fluxo de trabalho terminar.",

  "live.connecting": () => "Conectando…",
  "live.connected": () => "Ao vivo",
  "live.connectionRefused": ({ code }) => `Conexão recusada (${code}); verificando o link…`,
  "live.linkNoLongerWorks": () => "Este link não funciona mais.",
  "live.connectionLost": ({ code, delay }) => `Conexão perdida (${code}); reconectando em ${delay}`,
  "live.finalState": () => "Estado final",
  "live.reloadForResult": () => "Recarregue a página para ver o resultado.",

  "live.notFoundTitle": () => "Não encontrado",
  "live.disabled": () => "A visualização ao vivo não está ativada.",
  "live.linkRefusedTitle": () => "Link inválido",
  "live.linkMissing": () =>
    "Este link não tem assinatura. Abra o botão “Visualização ao vivo” na mensagem do fluxo de trabalho.",
  "live.linkMalformed": () =>
    "A assinatura deste link está danificada. Abra o botão “Visualização ao vivo” na mensagem do fluxo de trabalho.",
  "live.linkInvalid": () => "A assinatura deste link não é válida para este fluxo de trabalho.",
  "live.linkExpired": () =>
    "Este link expirou. O botão “Visualização ao vivo” na mensagem do fluxo de trabalho tem um novo.",
  "live.unknownWorkflowTitle": () => "Fluxo de trabalho desconhecido",
  "live.unknownWorkflow": () =>
    "Não há nenhum fluxo de trabalho com este ID, ou os registros dele expiraram.",
  "live.noReportTitle": () => "Sem relatório",
  "live.noReport": () =>
    "Este fluxo de trabalho não tem relatório armazenado (ainda, ou não mais).",

  "live.errorShortMessage": () => "Envie uma única mensagem de texto JSON curta.",
  "live.errorNotJson": () => "A mensagem não é JSON.",
  "live.errorNotHello": () => 'Esperado: {"type":"hello","since":<seq>}.',
  "live.errorBadSince": () =>
    "`since` deve ser o último número de sequência visto: um inteiro ≥ 0 (0 se nenhum).",
  "live.errorSeqBeyond": ({ since, last }, f) =>
    `since=${since} passa do último evento deste fluxo de trabalho (${f.number(last)}); recarregue a página.`,
  "live.errorHelloTwice": () => "hello já foi enviado nesta conexão.",
  "live.errorInternal": () => "O servidor não conseguiu processar esta mensagem.",
  "live.errorUnknownWorkflow": () => "Nenhum fluxo de trabalho com este ID.",
  "live.errorClientLimit": ({ limit }, f) =>
    `Você já tem ${f.count(limit, { one: "{n} visualização ao vivo aberta", other: "{n} visualizações ao vivo abertas" })} deste fluxo de trabalho; feche uma e tente de novo.`,
  "live.errorTooManySockets": ({ limit }, f) =>
    `Este fluxo de trabalho já tem ${f.count(limit, { one: "{n} espectador ao vivo", other: "{n} espectadores ao vivo" })}; feche uma visualização e tente de novo.`,
  "live.errorHelloMissing": ({ timeoutMs }, f) =>
    `Nenhum hello recebido em ${f.duration(timeoutMs)}.`,
  "live.errorIdle": () => "Muito tempo sem ping; reconecte para continuar.",
  "live.errorLifetimeOver": () =>
    "Esta conexão é renovada; ao reconectar, ela continua de onde parou.",
};
