import type { Translation } from "../../catalog-types.ts";
import type { interactions as english } from "../en/interactions.ts";

export const interactions: Translation<typeof english> = {
  "interactions.pong": ({ ms }, f) => `Pong! Respondido em ${f.number(ms)} ms.`,
  "interactions.unknownCommand": () => "Desculpe, não conheço esse comando.",
  "interactions.handlerFailed": () =>
    "Desculpe, algo deu errado do meu lado. Não foi nada que você fez; tente de novo daqui a pouco.",
  "interactions.malformed": ({ problem }) => `Não consegui ler essa interação: ${problem}.`,
  "interactions.shape.notJson": () => "o corpo não é um objeto JSON",
  "interactions.shape.unknownType": ({ type }) => `tipo de interação desconhecido ${type}`,
  "interactions.shape.notList": ({ field }) => `${field} não é uma lista`,
  "interactions.shape.tooMany": ({ field, max }, f) =>
    `${field} tem mais de ${f.number(max)} itens`,
  "interactions.shape.tooDeep": ({ field, max }, f) =>
    `${field} está aninhado em mais de ${f.number(max)} níveis`,
  "interactions.shape.notObject": ({ field }) => `${field} não é um objeto`,
  "interactions.shape.notShortString": ({ field }) => `${field} não é um texto curto`,
  "interactions.shape.notInteger": ({ field }) => `${field} não é um número inteiro`,
  "interactions.shape.tooLong": ({ field, max }, f) =>
    `${field} passa de ${f.count(max, { one: "{n} caractere", other: "{n} caracteres" })}`,
  "interactions.shape.notScalar": ({ field }) =>
    `${field} não é um texto, um número nem um booleano`,
  "interactions.shape.noUser": () => "ela não indica nenhum usuário (member.user ou user)",
  "interactions.shape.notSnowflake": ({ field }) => `${field} não é um snowflake`,
  "interactions.shape.missing": ({ field }) => `${field} está faltando`,
  "interactions.shape.badCustomId": ({ field, max }, f) =>
    `${field} não é um texto de 1 a ${f.number(max)} caracteres`,
  "interactions.whoSent": () => "⚠️ Não consigo saber quem enviou este comando.",
  "interactions.whoPressed": () => "⚠️ Não consigo saber quem apertou isto.",
  "interactions.optionsRejected": ({ problem }) => `⚠️ ${problem} Nada foi iniciado.`,
  "interactions.startFailed": () =>
    "Desculpe, não consegui iniciar isso agora (nada foi iniciado). Tente de novo em um minuto.",
  "interactions.cannotDeliver": ({ estimateMs, installUrl }, f) =>
    [
      `⚠️ Esta execução leva cerca de ${f.duration(estimateMs)}, mais que a janela de resposta de 15 minutos do Discord, e não consigo postar neste canal, então o resultado não chegaria até você aqui. Nada foi iniciado.`,
      `Um admin do servidor pode me adicionar com as permissões de que preciso: ${installUrl}`,
      "Ou execute algo mais curto (por exemplo, uma profundidade menor), ou me use em um canal onde eu possa postar.",
    ].join("\n"),
  "interactions.notify.on": () =>
    "🔔 Vou te mandar uma DM sempre que um resultado seu ficar pronto, além da entrega normal.",
  "interactions.notify.off": () =>
    "🔕 Sem mais DMs quando os resultados ficarem prontos (eles continuam sendo entregues normalmente).",
  "interactions.notify.badState": () => "⚠️ `estado` deve ser `ativado` ou `desativado`.",
  "interactions.callback.notInServer": () =>
    "⚠️ Callbacks pertencem a um servidor; use este comando em um.",
  "interactions.callback.notAdmin": () =>
    "🚫 Só membros com a permissão Gerenciar servidor podem alterar o callback.",
  "interactions.callback.cleared": () =>
    "Callback removido: os fluxos concluídos não são mais enviados para lugar nenhum.",
  "interactions.callback.usage": () => "⚠️ Use `/callback definir url:` ou `/callback limpar`.",
  "interactions.callback.urlLength": ({ max }, f) =>
    `⚠️ \`url\` deve ter de 1 a ${f.number(max)} caracteres.`,
  "interactions.callback.urlRefused": ({ reason }) =>
    `⚠️ Não posso enviar callbacks para essa URL: ${reason}.`,
  "interactions.callback.noEncryptionKey": () =>
    "⚠️ Este bot ainda não pode guardar segredos de callback (o operador não definiu DATA_ENCRYPTION_KEY).",
  "interactions.callback.set": ({ url, secret, graceMs }, f) =>
    [
      `✅ Os fluxos concluídos deste servidor serão enviados por POST para ${url} em JSON, assinados conforme a especificação Standard Webhooks (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`; verifique com qualquer biblioteca standardwebhooks).`,
      `Segredo de assinatura (mostrado uma única vez; execute o comando de novo para trocá-lo — o segredo antigo continua assinando junto por ${f.duration(graceMs)}):`,
      `||${secret}||`,
    ].join("\n"),
  "interactions.status.queued": () => "na fila",
  "interactions.status.running": () => "em andamento",
  "interactions.workflows.none": () => "Você não tem fluxos de trabalho em andamento nem recentes.",
  "interactions.workflows.running": () => "**Em andamento**",
  "interactions.workflows.recent": () => "**Recentes**",
  "interactions.workflows.stage": ({ current, total }, f) =>
    `etapa ${f.number(current)}/${f.number(total)}`,
  "interactions.workflows.elapsed": ({ ms }, f) => `há ${f.duration(ms)}`,
  "interactions.workflows.windowClosed": () => "janela de resposta fechada",
  "interactions.workflows.windowLeft": ({ ms }, f) =>
    `janela de resposta: faltam ${f.duration(ms)}`,
  "interactions.workflows.progressVia": ({ route }) => `progresso via ${route}`,
  "interactions.workflows.deliveredVia": ({ route }) => `entregue via ${route}`,
  "interactions.workflows.notDelivered": () => "ainda não entregue (guardado para você)",
  "interactions.workflows.pickPlaceholder": () =>
    "Escolha um fluxo para cancelá-lo ou ver o resultado",
  "interactions.workflows.idLine": ({ id }) => `-# fluxo ${id}`,
  "interactions.workflows.cancelButton": () => "Cancelar",
  "interactions.workflows.showResultButton": () => "Ver resultado",
  "interactions.workflows.runAgainButton": () => "Executar de novo",
  "interactions.workflows.unknownPick": () => "⚠️ Não consigo saber o que foi escolhido.",
  "interactions.workflows.pickGone": () =>
    "Esse fluxo não está mais na sua lista; execute `/fluxos` de novo.",
  "interactions.cancel.notFound": () => "⚠️ Não encontro esse fluxo de trabalho.",
  "interactions.cancel.notOwner": () =>
    "🚫 Só quem iniciou este fluxo de trabalho pode cancelá-lo.",
  "interactions.cancel.finished": () => "Este fluxo de trabalho já terminou.",
  "interactions.cancel.cancelling": () => "🛑 Cancelando… o fluxo para depois da etapa atual.",
  "interactions.cancel.cancellingButton": () => "Cancelando…",
  "interactions.rerun.notOwner": () =>
    "🚫 Só quem iniciou este fluxo de trabalho pode executá-lo de novo.",
  "interactions.rerun.notRetryable": () =>
    "Só um fluxo que falhou ou teve o tempo esgotado pode ser repetido; use Executar de novo.",
  "interactions.rerun.stagesGone": () =>
    "⚠️ As etapas guardadas deste fluxo expiraram; execute o comando de novo.",
  "interactions.rerun.unknownWorkflow": () => "⚠️ Este bot não tem mais esse comando.",
  "interactions.rerun.noOptions": () =>
    "⚠️ Este resultado é antigo demais para repetir; execute o comando de novo você mesmo.",
  "interactions.rerun.noLighterRun": () => "⚠️ Não existe uma execução mais leve deste fluxo.",
};
