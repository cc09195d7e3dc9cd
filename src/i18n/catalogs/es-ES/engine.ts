import type { Translation } from "../../catalog-types.ts";
import type { engine as english } from "../en/engine.ts";

const WORKFLOWS = { one: "{n} flujo", other: "{n} flujos" };
const REQUESTS = { one: "{n} solicitud", other: "{n} solicitudes" };

export const engine: Translation<typeof english> = {
  "engine.cancelButton": () => "Cancelar",
  "engine.liveViewButton": () => "Vista en directo",
  "engine.workflowFallbackTitle": () => "Flujo de trabajo",
  "engine.progressLine": ({ fraction, stage, stages }, f) =>
    `${f.percent(fraction)} · etapa ${f.number(stage)}/${f.number(stages)}`,
  "engine.progressLineLabelled": ({ fraction, stage, stages, label }, f) =>
    `${f.percent(fraction)} · etapa ${f.number(stage)}/${f.number(stages)}: ${label}`,
  "engine.clockReplyWindowOpen": ({ elapsedMs, leftMs }, f) =>
    `Transcurrido: ${f.duration(elapsedMs)} · ventana de respuesta: quedan ${f.duration(leftMs)}`,
  "engine.clockReplyWindowClosed": ({ elapsedMs }, f) =>
    `Transcurrido: ${f.duration(elapsedMs)} · la ventana de respuesta de Discord se ha cerrado; el progreso continúa aquí`,
  "engine.endedCompleted": () => "✅ Terminado; el resultado se entregó en un mensaje aparte.",
  "engine.endedFailed": () => "❌ Ha fallado.",
  "engine.endedCancelled": () => "🛑 Cancelado por quien lo inició.",
  "engine.endedTimedOut": () =>
    "⌛ Se agotó el tiempo; el resultado parcial se entregó en un mensaje aparte.",
  "engine.workflowFooter": ({ workflowId }) => `-# flujo ${workflowId}`,
  "engine.startNotice": ({ estimateMs, retrieveCommand }, f) =>
    `Esto tardará unos ${f.duration(estimateMs)}, más que la ventana de respuesta de 15 minutos de Discord. Antes de que se cierre, el progreso pasará a un mensaje nuevo en este canal, y el resultado te llegará aquí, en el canal o por MD. Siempre puedes obtenerlo con ${retrieveCommand}.`,
  "engine.replyWindowWarning": ({ leftMs, retrieveCommand }, f) =>
    `⏳ La ventana de respuesta de Discord para este comando se cierra en ${f.duration(leftMs)}. El flujo sigue en marcha; el progreso continúa en un mensaje nuevo y el resultado te llegará igualmente (o usa ${retrieveCommand}).`,
  "engine.noRouteWarning": () =>
    "⚠️ No puedo publicar en este canal: si esto tarda más de 15 minutos, el resultado te esperará en `/retrieve_results` (también intentaré enviártelo por MD).",
  "engine.handoffPointer": ({ link }) => `➡️ El progreso continúa en ${link}`,
  "engine.deadlineExtended": ({ stepMs, until, final }, f) =>
    `⏱️ Sigue en marcha; se le conceden ${f.duration(stepMs)} más, hasta ${until}${final ? " (el máximo posible)" : ""}.`,
  "engine.deadlineExtendedLabelled": ({ stepMs, until, final, label }, f) =>
    `⏱️ Sigue en marcha (${label}); se le conceden ${f.duration(stepMs)} más, hasta ${until}${final ? " (el máximo posible)" : ""}.`,
  "engine.deadlineWarning": ({ leftMs, at }, f) =>
    `⏳ Límite de tiempo en ${f.duration(leftMs)} (${at}): entonces lo hecho hasta ese momento se entregará como resultado parcial.`,
  "engine.resumedNotice": () => "🔄 Reanudado tras una actualización; no se ha perdido nada.",
  "engine.waitingForWorkerLabel": () => "Esperando a un proceso libre",
  "engine.cancelledByOwner": () => "Cancelado por quien lo inició.",
  "engine.stageFailed": ({ stage, error }) => `La etapa «${stage}» ha fallado: ${error}`,
  "engine.stageGaveUp": ({ stage }) =>
    `La etapa «${stage}» siguió fallando y se abandonó tras su último reintento.`,
  "engine.stageUnresponsive": ({ stage, times }, f) =>
    `La etapa «${stage}» dejó de responder ${f.count(times, { one: "una vez", other: "{n} veces" })} y se abandonó.`,
  "engine.timedOut": ({ limitMs, stage }, f) =>
    `Se detuvo en su límite de tiempo de ${f.duration(limitMs)} durante «${stage}»; este es un resultado parcial. El botón de reintentar continúa desde la última etapa completada.`,
  "engine.kindRemoved": ({ kind }) =>
    `Este bot ya no ejecuta flujos «${kind}» (una actualización los eliminó); lo que terminó antes está en el resultado.`,
  "engine.stageRemoved": ({ stage }) =>
    `Este flujo se inició con una versión anterior del bot, cuya etapa «${stage}» ya no existe; lo que terminó antes está en el resultado.`,
  "engine.accessViewChannel": () =>
    "No puedo ver ese canal: dame (al bot) el permiso «Ver canal» allí y vuelve a ejecutarlo.",
  "engine.accessReadHistory": () =>
    "Puedo ver ese canal, pero no su historial: dame (al bot) el permiso «Leer el historial de mensajes» allí y vuelve a ejecutarlo.",
  "engine.accessUnknownChannel": () =>
    "Ese canal ya no existe (o nunca me añadieron a su servidor).",
  "engine.quotaRunningItem": ({ workflowId, command, startedAt }) =>
    `• ${workflowId} ${command} · iniciado ${startedAt}`,
  "engine.quotaUserRunning": ({ count, list }, f) =>
    `⏸️ Ya tienes ${f.count(count, WORKFLOWS)} en marcha, el máximo permitido; no se ha iniciado nada.${list}\nCancela uno con el botón Cancelar de su mensaje de progreso o en \`/workflows\`, o espera a que termine alguno, y vuelve a ejecutar el comando.`,
  "engine.quotaServerRunning": ({ limit }, f) =>
    `⏸️ Este servidor ya tiene ${f.count(limit, WORKFLOWS)} en marcha, el máximo permitido; no se ha iniciado nada. Se libera un hueco en cuanto termine uno: inténtalo de nuevo en unos minutos.`,
  "engine.quotaGlobalRunning": ({ limit }, f) =>
    `⏸️ El bot ya ejecuta tantos flujos a la vez como permite (${f.number(limit)}, entre todos); no se ha iniciado nada. Se libera un hueco en cuanto termine uno: inténtalo de nuevo en unos minutos.`,
  "engine.quotaDailyRuns": ({ mine, limit, refillsAt }, f) =>
    `⏸️ ${mine ? "Tu presupuesto" : "El presupuesto de este servidor"} de ${f.count(limit, { one: "{n} ejecución", other: "{n} ejecuciones" })} al día está agotado; no se ha iniciado nada. Se recarga ${refillsAt}. Mientras tanto, los resultados anteriores siguen disponibles con \`/retrieve_results\`.`,
  "engine.quotaDailyRunsNoRefill": ({ mine, limit }, f) =>
    `⏸️ ${mine ? "Tu presupuesto" : "El presupuesto de este servidor"} de ${f.count(limit, { one: "{n} ejecución", other: "{n} ejecuciones" })} al día está agotado; no se ha iniciado nada. Se recarga a medida que las ejecuciones anteriores quedan fuera del día. Mientras tanto, los resultados anteriores siguen disponibles con \`/retrieve_results\`.`,
  "engine.quotaRequestsOverBudget": ({ mine, needed, limit }, f) =>
    `⏸️ Esta ejecución haría hasta ${f.count(needed, REQUESTS)} a sitios web, más que ${mine ? "todo tu presupuesto diario" : "todo el presupuesto diario de este servidor"} de ${f.number(limit)}; no se ha iniciado nada. Elige una ejecución más ligera (por ejemplo, menos profundidad).`,
  "engine.quotaRequestsLeft": ({ mine, needed, limit, left, refillsAt }, f) =>
    `⏸️ Esta ejecución haría hasta ${f.count(needed, REQUESTS)} a sitios web; a ${mine ? "tu presupuesto diario" : "el presupuesto diario de este servidor"} de ${f.number(limit)} le quedan ${f.number(left)}, así que no se ha iniciado nada. Habrá suficiente ${refillsAt}. Ahora mismo cabe una ejecución más ligera que necesite como máximo ${f.count(left, REQUESTS)} (por ejemplo, menos profundidad).`,
  "engine.startFailed": () =>
    "⚠️ Lo siento, no he podido iniciarlo (no se ha iniciado nada). Vuelve a intentarlo en un minuto.",
};
