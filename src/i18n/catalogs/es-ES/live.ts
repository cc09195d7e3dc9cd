import type { Translation } from "../../catalog-types.ts";
import type { live as english } from "../en/live.ts";

export const live: Translation<typeof english> = {
  "live.pageTitle": ({ title }) => `${title} · vista en directo`,
  "live.workflowId": () => "ID del flujo de trabajo",
  "live.statusQueued": () => "En cola",
  "live.statusRunning": () => "En curso",
  "live.statusCompleted": () => "Completado",
  "live.statusFailed": () => "Fallido",
  "live.statusCancelled": () => "Cancelado",
  "live.statusTimedOut": () => "Tiempo agotado",
  "live.progressHeading": () => "Progreso",
  "live.stagesHeading": () => "Etapas",
  "live.clockHeading": () => "Ventana de respuesta",
  "live.deliveryHeading": () => "Entrega",
  "live.warningsHeading": () => "Avisos",
  "live.resultHeading": () => "Resultado",
  "live.eventLog": ({ count }) => `Registro de eventos (${count})`,
  "live.downloadReport": () => "Descargar report.md",
  "live.noscript": () =>
    "Esta página se actualiza con JavaScript; recárgala para ver el estado más reciente.",
  "live.done": () => "Hecho",

  "live.stageOf": ({ stage, count }) => `Etapa ${stage} de ${count}`,
  "live.stageRestarted": ({ count }) => `reiniciada ${count}×`,
  "live.stageWaiting": () => "en espera",
  "live.stageSoFar": ({ duration }) => `${duration} hasta ahora`,
  "live.timelineExpired": () => "La cronología de las etapas ha caducado.",
  "live.elapsed": ({ duration }) => `Transcurrido: ${duration}`,

  "live.routeInteraction": () => "la respuesta al comando",
  "live.routeWebhook": () => "un mensaje de webhook en el canal",
  "live.routeChannel": () => "un mensaje del bot en el canal",
  "live.routeDm": () => "un mensaje directo",
  "live.routeOther": () => "un mensaje del bot",

  "live.warnTokenSoon": ({ duration }) =>
    `La ventana de respuesta de Discord se cierra en ${duration}; el trabajo continúa.`,
  "live.warnTokenDead": () =>
    "La ventana de respuesta de Discord se cerró antes de tiempo; el trabajo continúa.",
  "live.warnHandoff": ({ route }) => `El progreso ahora se muestra en ${route}.`,
  "live.warnHandoffFailed": () =>
    "El progreso no pudo pasar a un mensaje del bot; esta página lo sigue mostrando.",
  "live.warnStageRetrying": ({ stage, error }) =>
    `La etapa ${stage} falló y se está reintentando: ${error}`,
  "live.warnStageRedriven": ({ stage }) => `La etapa ${stage} dejó de responder y se reinició.`,
  "live.warnDeliveryRetry": ({ route }) =>
    `La entrega mediante ${route} ha fallado por ahora; se reintentará.`,
  "live.warnDeliveryImpossible": ({ route, reason }) =>
    `La entrega mediante ${route} es imposible: ${reason}`,
  "live.warnOrphaned": () =>
    "No se pudo entregar el resultado en Discord; obtenlo con /retrieve_results.",
  "live.warnStoppedEarly": () => "El flujo de trabajo se detuvo antes de terminar.",
  "live.warnVersionChanged": () => "El bot se actualizó durante la ejecución; siguió adelante.",
  "live.warnDeadlineExtended": ({ duration }) => `Sigue avanzando: se le conceden ${duration} más.`,
  "live.warnDeadlineCap": () => "No hay más tiempo: se ha alcanzado el tope del límite de tiempo.",
  "live.warnDeadlineStalled": () => "No hay más tiempo: no ha habido progreso últimamente.",
  "live.warnDeadlineSoon": ({ duration }) =>
    `Límite de tiempo en ${duration}; después se entrega el resultado parcial.`,
  "live.warningsNone": () => "Ninguno.",
  "live.warningsNoneSoFar": () => "Ninguno por ahora.",

  "live.clockOutlived": ({ duration }) =>
    `Duró ${duration}; más que la ventana de respuesta de 15 minutos de Discord.`,
  "live.clockStillOpen": ({ duration }) =>
    `Duró ${duration}; la ventana de respuesta de Discord seguía abierta al final.`,
  "live.clockClosedMoved": ({ route }) =>
    `La ventana de respuesta de 15 minutos de Discord se ha cerrado; el progreso continúa en ${route} y aquí.`,
  "live.clockClosedHere": () =>
    "La ventana de respuesta de 15 minutos de Discord se ha cerrado; el progreso continúa aquí.",
  "live.clockLeft": ({ duration }) => `Quedan ${duration} de la ventana de respuesta de Discord.`,

  "live.deliveryDone": ({ route }) => `Entregado mediante ${route}.`,
  "live.deliveryDoneAt": ({ route, time }) => `Entregado mediante ${route} a las ${time}.`,
  "live.deliveryOrphaned": ({ workflowId }) =>
    `No se puede entregar en Discord: usa /retrieve_results workflow_id:${workflowId}.`,
  "live.deliveryPending": () => "Resultado guardado; entregándolo en Discord…",
  "live.deliveryArchived": () => "Entregado anteriormente; este es el resultado guardado.",
  "live.deliveryNotYet": () =>
    "El resultado se guarda y luego se entrega cuando termina el flujo de trabajo.",

  "live.connecting": () => "Conectando…",
  "live.connected": () => "En directo",
  "live.connectionRefused": ({ code }) => `Conexión rechazada (${code}); comprobando el enlace…`,
  "live.linkNoLongerWorks": () => "Este enlace ya no funciona.",
  "live.connectionLost": ({ code, delay }) =>
    `Conexión perdida (${code}); reconectando en ${delay}`,
  "live.finalState": () => "Estado final",
  "live.reloadForResult": () => "Recarga la página para ver el resultado.",

  "live.notFoundTitle": () => "No encontrado",
  "live.disabled": () => "La vista en directo no está activada.",
  "live.linkRefusedTitle": () => "Enlace no válido",
  "live.linkMissing": () =>
    "Este enlace no tiene firma. Abre el botón «Vista en directo» del mensaje del flujo de trabajo.",
  "live.linkMalformed": () =>
    "La firma de este enlace está dañada. Abre el botón «Vista en directo» del mensaje del flujo de trabajo.",
  "live.linkInvalid": () => "La firma de este enlace no es válida para este flujo de trabajo.",
  "live.linkExpired": () =>
    "Este enlace ha caducado. El botón «Vista en directo» del mensaje del flujo de trabajo tiene uno nuevo.",
  "live.unknownWorkflowTitle": () => "Flujo de trabajo desconocido",
  "live.unknownWorkflow": () =>
    "No hay ningún flujo de trabajo con este ID, o sus registros han caducado.",
  "live.noReportTitle": () => "Sin informe",
  "live.noReport": () =>
    "Este flujo de trabajo no tiene ningún informe guardado (todavía, o ya no).",

  "live.errorShortMessage": () => "Envía un único mensaje de texto JSON corto.",
  "live.errorNotJson": () => "El mensaje no es JSON.",
  "live.errorNotHello": () => 'Se esperaba {"type":"hello","since":<seq>}.',
  "live.errorBadSince": () =>
    "`since` debe ser el último número de secuencia visto: un entero ≥ 0 (0 si ninguno).",
  "live.errorSeqBeyond": ({ since, last }, f) =>
    `since=${since} va más allá del último evento de este flujo de trabajo (${f.number(last)}); recarga la página.`,
  "live.errorHelloTwice": () => "hello ya se envió en esta conexión.",
  "live.errorInternal": () => "El servidor no pudo procesar este mensaje.",
  "live.errorUnknownWorkflow": () => "No hay ningún flujo de trabajo con este ID.",
  "live.errorClientLimit": ({ limit }, f) =>
    `Ya tienes ${f.count(limit, { one: "{n} vista en directo abierta", other: "{n} vistas en directo abiertas" })} de este flujo de trabajo; cierra una y vuelve a intentarlo.`,
  "live.errorTooManySockets": ({ limit }, f) =>
    `Este flujo de trabajo ya tiene ${f.count(limit, { one: "{n} espectador en directo", other: "{n} espectadores en directo" })}; cierra una vista y vuelve a intentarlo.`,
  "live.errorHelloMissing": ({ timeoutMs }, f) =>
    `No llegó ningún hello en ${f.duration(timeoutMs)}.`,
  "live.errorIdle": () => "Demasiado tiempo sin ping; vuelve a conectarte para continuar.",
  "live.errorLifetimeOver": () => "Esta conexión se renueva; al reconectar se retoma donde estaba.",
};
