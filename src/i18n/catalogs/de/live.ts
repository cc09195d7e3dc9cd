import type { Translation } from "../../catalog-types.ts";
import type { live as english } from "../en/live.ts";

export const live: Translation<typeof english> = {
  "live.pageTitle": ({ title }) => `${title} · Live-Ansicht`,
  "live.workflowId": () => "Workflow-ID",
  "live.statusQueued": () => "In der Warteschlange",
  "live.statusRunning": () => "Läuft",
  "live.statusCompleted": () => "Abgeschlossen",
  "live.statusFailed": () => "Fehlgeschlagen",
  "live.statusCancelled": () => "Abgebrochen",
  "live.statusTimedOut": () => "Zeit überschritten",
  "live.progressHeading": () => "Fortschritt",
  "live.stagesHeading": () => "Schritte",
  "live.clockHeading": () => "Antwortfenster",
  "live.deliveryHeading": () => "Zustellung",
  "live.warningsHeading": () => "Warnungen",
  "live.resultHeading": () => "Ergebnis",
  "live.eventLog": ({ count }) => `Ereignisprotokoll (${count})`,
  "live.downloadReport": () => "report.md herunterladen",
  "live.noscript": () =>
    "Diese Seite aktualisiert sich mit JavaScript; lade sie neu, um den aktuellen Stand zu sehen.",
  "live.done": () => "Fertig",

  "live.stageOf": ({ stage, count }) => `Schritt ${stage} von ${count}`,
  "live.stageRestarted": ({ count }) => `${count}× neu gestartet`,
  "live.stageWaiting": () => "wartet",
  "live.stageSoFar": ({ duration }) => `bisher ${duration}`,
  "live.timelineExpired": () => "Der Zeitverlauf der Schritte ist abgelaufen.",
  "live.elapsed": ({ duration }) => `Vergangen: ${duration}`,

  "live.routeInteraction": () => "die Antwort auf den Befehl",
  "live.routeWebhook": () => "eine Webhook-Nachricht im Kanal",
  "live.routeChannel": () => "eine Bot-Nachricht im Kanal",
  "live.routeDm": () => "eine Direktnachricht",
  "live.routeOther": () => "eine Nachricht des Bots",

  "live.warnTokenSoon": ({ duration }) =>
    `Discords Antwortfenster schließt in ${duration}; die Arbeit geht weiter.`,
  "live.warnTokenDead": () =>
    "Discords Antwortfenster hat sich früher geschlossen; die Arbeit geht weiter.",
  "live.warnHandoff": ({ route }) => `Der Fortschritt wird jetzt in ${route} gezeigt.`,
  "live.warnHandoffFailed": () =>
    "Der Fortschritt konnte nicht in eine Bot-Nachricht umziehen; diese Seite zeigt ihn weiter.",
  "live.warnStageRetrying": ({ stage, error }) =>
    `Schritt ${stage} ist fehlgeschlagen und wird wiederholt: ${error}`,
  "live.warnStageRedriven": ({ stage }) =>
    `Schritt ${stage} reagierte nicht mehr und wurde neu gestartet.`,
  "live.warnDeliveryRetry": ({ route }) =>
    `Zustellung über ${route} vorerst fehlgeschlagen; neuer Versuch folgt.`,
  "live.warnDeliveryImpossible": ({ route, reason }) =>
    `Zustellung über ${route} ist nicht möglich: ${reason}`,
  "live.warnOrphaned": () =>
    "Das Ergebnis konnte in Discord nicht zugestellt werden; hol es mit /retrieve_results ab.",
  "live.warnStoppedEarly": () => "Der Workflow wurde vorzeitig beendet.",
  "live.warnVersionChanged": () =>
    "Der Bot wurde während des Laufs aktualisiert; er hat einfach weitergemacht.",
  "live.warnDeadlineExtended": ({ duration }) =>
    `Es geht weiter voran: ${duration} zusätzliche Zeit gewährt.`,
  "live.warnDeadlineCap": () => "Keine weitere Zeit: Die Obergrenze des Zeitlimits ist erreicht.",
  "live.warnDeadlineStalled": () => "Keine weitere Zeit: Zuletzt gab es keinen Fortschritt.",
  "live.warnDeadlineSoon": ({ duration }) =>
    `Zeitlimit in ${duration}; danach wird das Teilergebnis zugestellt.`,
  "live.warningsNone": () => "Keine.",
  "live.warningsNoneSoFar": () => "Bisher keine.",

  "live.clockOutlived": ({ duration }) =>
    `Lief ${duration}; länger als Discords 15-minütiges Antwortfenster.`,
  "live.clockStillOpen": ({ duration }) =>
    `Lief ${duration}; Discords Antwortfenster war am Ende noch offen.`,
  "live.clockClosedMoved": ({ route }) =>
    `Discords 15-minütiges Antwortfenster ist geschlossen; der Fortschritt geht in ${route} und hier weiter.`,
  "live.clockClosedHere": () =>
    "Discords 15-minütiges Antwortfenster ist geschlossen; der Fortschritt geht hier weiter.",
  "live.clockLeft": ({ duration }) => `Noch ${duration} in Discords Antwortfenster.`,

  "live.deliveryDone": ({ route }) => `Zugestellt über ${route}.`,
  "live.deliveryDoneAt": ({ route, time }) => `Zugestellt über ${route} um ${time}.`,
  "live.deliveryOrphaned": ({ workflowId }) =>
    `In Discord nicht zustellbar: nutze /retrieve_results workflow_id:${workflowId}.`,
  "live.deliveryPending": () => "Ergebnis gespeichert; es wird in Discord zugestellt …",
  "live.deliveryArchived": () => "Früher zugestellt; dies ist das gespeicherte Ergebnis.",
  "live.deliveryNotYet": () =>
    "Das Ergebnis wird gespeichert und dann zugestellt, sobald der Workflow endet.",

  "live.connecting": () => "Verbinde …",
  "live.connected": () => "Verbunden",
  "live.connectionRefused": ({ code }) => `Verbindung abgelehnt (${code}); der Link wird geprüft …`,
  "live.linkNoLongerWorks": () => "Dieser Link funktioniert nicht mehr.",
  "live.connectionLost": ({ code, delay }) =>
    `Verbindung verloren (${code}); neuer Versuch in ${delay}`,
  "live.finalState": () => "Endstand",
  "live.reloadForResult": () => "Lade die Seite neu, um das Ergebnis zu sehen.",

  "live.notFoundTitle": () => "Nicht gefunden",
  "live.disabled": () => "Die Live-Ansicht ist nicht aktiviert.",
  "live.linkRefusedTitle": () => "Link ungültig",
  "live.linkMissing": () =>
    "Dieser Link hat keine Signatur. Öffne den Button „Live-Ansicht“ an der Nachricht des Workflows.",
  "live.linkMalformed": () =>
    "Die Signatur dieses Links ist beschädigt. Öffne den Button „Live-Ansicht“ an der Nachricht des Workflows.",
  "live.linkInvalid": () => "Die Signatur dieses Links gilt nicht für diesen Workflow.",
  "live.linkExpired": () =>
    "Dieser Link ist abgelaufen. Der Button „Live-Ansicht“ an der Nachricht des Workflows hat einen neuen.",
  "live.unknownWorkflowTitle": () => "Unbekannter Workflow",
  "live.unknownWorkflow": () =>
    "Es gibt keinen Workflow mit dieser ID, oder seine Daten sind abgelaufen.",
  "live.noReportTitle": () => "Kein Bericht",
  "live.noReport": () =>
    "Für diesen Workflow ist kein Bericht gespeichert (noch nicht oder nicht mehr).",

  "live.errorShortMessage": () => "Sende eine einzelne, kurze JSON-Textnachricht.",
  "live.errorNotJson": () => "Die Nachricht ist kein JSON.",
  "live.errorNotHello": () => 'Erwartet wurde {"type":"hello","since":<seq>}.',
  "live.errorBadSince": () =>
    "`since` muss die zuletzt gesehene Sequenznummer sein: eine ganze Zahl ≥ 0 (0 für keine).",
  "live.errorSeqBeyond": ({ since, last }, f) =>
    `since=${since} liegt hinter dem letzten Ereignis dieses Workflows (${f.number(last)}); lade die Seite neu.`,
  "live.errorHelloTwice": () => "hello wurde auf dieser Verbindung bereits gesendet.",
  "live.errorInternal": () => "Der Server konnte diese Nachricht nicht verarbeiten.",
  "live.errorUnknownWorkflow": () => "Kein Workflow mit dieser ID.",
  "live.errorClientLimit": ({ limit }, f) =>
    `Du hast bereits ${f.count(limit, { one: "{n} Live-Ansicht", other: "{n} Live-Ansichten" })} dieses Workflows offen; schließe eine und versuche es erneut.`,
  "live.errorTooManySockets": ({ limit }, f) =>
    `Dieser Workflow hat bereits ${f.count(limit, { one: "{n} Live-Zuschauer", other: "{n} Live-Zuschauer" })}; schließe eine Ansicht und versuche es erneut.`,
  "live.errorHelloMissing": ({ timeoutMs }, f) =>
    `Kein hello innerhalb von ${f.duration(timeoutMs)}.`,
  "live.errorIdle": () => "Zu lange kein Ping; verbinde dich neu, um weiterzumachen.",
  "live.errorLifetimeOver": () =>
    "Diese Verbindung wird erneuert; eine neue Verbindung macht nahtlos weiter.",
};
