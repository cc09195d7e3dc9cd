import type { Translation } from "../../catalog-types.ts";
import type { interactions as english } from "../en/interactions.ts";

export const interactions: Translation<typeof english> = {
  "interactions.pong": ({ ms }, f) => `¡Pong! Respondido en ${f.number(ms)} ms.`,
  "interactions.unknownCommand": () => "Lo siento, no conozco ese comando.",
  "interactions.handlerFailed": () =>
    "Lo siento, algo ha fallado por mi parte. No es culpa tuya; inténtalo de nuevo en un momento.",
  "interactions.malformed": ({ problem }) => `No he podido leer esa interacción: ${problem}.`,
  "interactions.shape.notJson": () => "el cuerpo no es un objeto JSON",
  "interactions.shape.unknownType": ({ type }) => `tipo de interacción desconocido ${type}`,
  "interactions.shape.notList": ({ field }) => `${field} no es una lista`,
  "interactions.shape.tooMany": ({ field, max }, f) =>
    `${field} tiene más de ${f.number(max)} elementos`,
  "interactions.shape.tooDeep": ({ field, max }, f) =>
    `${field} está anidado a más de ${f.number(max)} niveles`,
  "interactions.shape.notObject": ({ field }) => `${field} no es un objeto`,
  "interactions.shape.notShortString": ({ field }) => `${field} no es una cadena corta`,
  "interactions.shape.notInteger": ({ field }) => `${field} no es un número entero`,
  "interactions.shape.tooLong": ({ field, max }, f) =>
    `${field} supera ${f.count(max, { one: "{n} carácter", other: "{n} caracteres" })}`,
  "interactions.shape.notScalar": ({ field }) =>
    `${field} no es una cadena, un número ni un booleano`,
  "interactions.shape.noUser": () => "no indica ningún usuario (member.user o user)",
  "interactions.shape.notSnowflake": ({ field }) => `${field} no es un snowflake`,
  "interactions.shape.missing": ({ field }) => `falta ${field}`,
  "interactions.shape.badCustomId": ({ field, max }, f) =>
    `${field} no es una cadena de 1 a ${f.number(max)} caracteres`,
  "interactions.whoSent": () => "⚠️ No sé quién ha enviado este comando.",
  "interactions.whoPressed": () => "⚠️ No sé quién ha pulsado esto.",
  "interactions.optionsRejected": ({ problem }) => `⚠️ ${problem} No se ha iniciado nada.`,
  "interactions.startFailed": () =>
    "Lo siento, no he podido iniciarlo ahora mismo (no se ha iniciado nada). Inténtalo de nuevo en un minuto.",
  "interactions.cannotDeliver": ({ estimateMs, installUrl }, f) =>
    [
      `⚠️ Esta ejecución tarda unos ${f.duration(estimateMs)}, más que la ventana de respuesta de 15 minutos de Discord, y no puedo publicar en este canal, así que el resultado no podría llegarte aquí. No se ha iniciado nada.`,
      `Un administrador del servidor puede añadirme con los permisos que necesito: ${installUrl}`,
      "O ejecuta algo más corto (p. ej. menos profundidad), o úsame en un canal donde pueda publicar.",
    ].join("\n"),
  "interactions.notify.on": () =>
    "🔔 Te enviaré un MD cada vez que uno de tus resultados esté listo, además de la entrega normal.",
  "interactions.notify.off": () =>
    "🔕 Ya no recibirás MD cuando haya resultados listos (se siguen entregando como siempre).",
  "interactions.notify.badState": () => "⚠️ `estado` debe ser `activado` o `desactivado`.",
  "interactions.callback.notInServer": () =>
    "⚠️ Los callbacks pertenecen a un servidor; usa este comando en uno.",
  "interactions.callback.notAdmin": () =>
    "🚫 Solo los miembros con el permiso Gestionar servidor pueden cambiar el callback.",
  "interactions.callback.cleared": () =>
    "Callback borrado: los flujos terminados ya no se envían a ningún sitio.",
  "interactions.callback.usage": () => "⚠️ Usa `/callback establecer url:` o `/callback borrar`.",
  "interactions.callback.urlLength": ({ max }, f) =>
    `⚠️ \`url\` debe tener de 1 a ${f.number(max)} caracteres.`,
  "interactions.callback.urlRefused": ({ reason }) =>
    `⚠️ No puedo enviar callbacks a esa URL: ${reason}.`,
  "interactions.callback.noEncryptionKey": () =>
    "⚠️ Este bot aún no puede guardar secretos de callback (su operador no ha configurado DATA_ENCRYPTION_KEY).",
  "interactions.callback.set": ({ url, secret, graceMs }, f) =>
    [
      `✅ Los flujos terminados de este servidor se enviarán por POST a ${url} como JSON, firmados según la especificación Standard Webhooks (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`; verifícalos con cualquier biblioteca standardwebhooks).`,
      `Secreto de firma (se muestra una sola vez; vuelve a ejecutar el comando para cambiarlo; el secreto anterior sigue firmando a la vez durante ${f.duration(graceMs)}):`,
      `||${secret}||`,
    ].join("\n"),
  "interactions.status.queued": () => "en cola",
  "interactions.status.running": () => "en curso",
  "interactions.workflows.none": () => "No tienes flujos de trabajo en curso ni recientes.",
  "interactions.workflows.running": () => "**En curso**",
  "interactions.workflows.recent": () => "**Recientes**",
  "interactions.workflows.stage": ({ current, total }, f) =>
    `etapa ${f.number(current)}/${f.number(total)}`,
  "interactions.workflows.elapsed": ({ ms }, f) => `${f.duration(ms)} transcurridos`,
  "interactions.workflows.windowClosed": () => "ventana de respuesta cerrada",
  "interactions.workflows.windowLeft": ({ ms }, f) =>
    `ventana de respuesta: quedan ${f.duration(ms)}`,
  "interactions.workflows.progressVia": ({ route }) => `progreso por ${route}`,
  "interactions.workflows.deliveredVia": ({ route }) => `entregado por ${route}`,
  "interactions.workflows.notDelivered": () => "aún sin entregar (guardado para ti)",
  "interactions.workflows.pickPlaceholder": () =>
    "Elige un flujo para cancelarlo o ver su resultado",
  "interactions.workflows.idLine": ({ id }) => `-# flujo ${id}`,
  "interactions.workflows.cancelButton": () => "Cancelar",
  "interactions.workflows.showResultButton": () => "Ver resultado",
  "interactions.workflows.runAgainButton": () => "Ejecutar de nuevo",
  "interactions.workflows.unknownPick": () => "⚠️ No sé qué se ha elegido.",
  "interactions.workflows.pickGone": () =>
    "Ese flujo ya no está en tu lista; vuelve a ejecutar `/flujos`.",
  "interactions.cancel.notFound": () => "⚠️ No encuentro ese flujo de trabajo.",
  "interactions.cancel.notOwner": () =>
    "🚫 Solo quien inició este flujo de trabajo puede cancelarlo.",
  "interactions.cancel.finished": () => "Este flujo de trabajo ya ha terminado.",
  "interactions.cancel.cancelling": () => "🛑 Cancelando… el flujo se detiene tras su paso actual.",
  "interactions.cancel.cancellingButton": () => "Cancelando…",
  "interactions.rerun.notOwner": () =>
    "🚫 Solo quien inició este flujo de trabajo puede volver a ejecutarlo.",
  "interactions.rerun.notRetryable": () =>
    "Solo se puede reintentar un flujo fallido o con tiempo agotado; usa Ejecutar de nuevo.",
  "interactions.rerun.stagesGone": () =>
    "⚠️ Las etapas guardadas de este flujo han caducado; vuelve a ejecutar el comando.",
  "interactions.rerun.unknownWorkflow": () => "⚠️ Este bot ya no tiene ese comando.",
  "interactions.rerun.noOptions": () =>
    "⚠️ Este resultado es demasiado antiguo para repetirlo; vuelve a ejecutar el comando tú mismo.",
  "interactions.rerun.noLighterRun": () => "⚠️ No hay una ejecución más ligera de este flujo.",
};
