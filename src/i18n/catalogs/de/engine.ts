import type { Translation } from "../../catalog-types.ts";
import type { engine as english } from "../en/engine.ts";

const WORKFLOWS = { one: "{n} Workflow", other: "{n} Workflows" };
const REQUESTS = { one: "{n} Anfrage", other: "{n} Anfragen" };

export const engine: Translation<typeof english> = {
  "engine.cancelButton": () => "Abbrechen",
  "engine.liveViewButton": () => "Live-Ansicht",
  "engine.workflowFallbackTitle": () => "Arbeitsablauf",
  "engine.progressLine": ({ fraction, stage, stages }, f) =>
    `${f.percent(fraction)} · Schritt ${f.number(stage)}/${f.number(stages)}`,
  "engine.progressLineLabelled": ({ fraction, stage, stages, label }, f) =>
    `${f.percent(fraction)} · Schritt ${f.number(stage)}/${f.number(stages)}: ${label}`,
  "engine.clockReplyWindowOpen": ({ elapsedMs, leftMs }, f) =>
    `Laufzeit ${f.duration(elapsedMs)} · Antwortfenster: noch ${f.duration(leftMs)}`,
  "engine.clockReplyWindowClosed": ({ elapsedMs }, f) =>
    `Laufzeit ${f.duration(elapsedMs)} · Discords Antwortfenster ist geschlossen; der Fortschritt geht hier weiter`,
  "engine.endedCompleted": () =>
    "✅ Fertig; das Ergebnis wurde in einer eigenen Nachricht zugestellt.",
  "engine.endedFailed": () => "❌ Fehlgeschlagen.",
  "engine.endedCancelled": () => "🛑 Von der Person abgebrochen, die ihn gestartet hat.",
  "engine.endedTimedOut": () =>
    "⌛ Zeitlimit erreicht; das Teilergebnis wurde in einer eigenen Nachricht zugestellt.",
  "engine.workflowFooter": ({ workflowId }) => `-# Workflow ${workflowId}`,
  "engine.startNotice": ({ estimateMs, retrieveCommand }, f) =>
    `Das dauert etwa ${f.duration(estimateMs)}, länger als Discords 15-minütiges Antwortfenster. Bevor das Fenster schließt, zieht der Fortschritt in eine neue Nachricht in diesem Kanal um, und das Ergebnis erreicht dich hier, im Kanal oder per DM. Du kannst es jederzeit mit ${retrieveCommand} abrufen.`,
  "engine.replyWindowWarning": ({ leftMs, retrieveCommand }, f) =>
    `⏳ Discords Antwortfenster für diesen Befehl schließt in ${f.duration(leftMs)}. Der Workflow läuft weiter; der Fortschritt geht in einer neuen Nachricht weiter, und das Ergebnis erreicht dich trotzdem (oder nutze ${retrieveCommand}).`,
  "engine.noRouteWarning": () =>
    "⚠️ Ich kann in diesem Kanal nicht posten: Dauert das länger als 15 Minuten, wartet das Ergebnis auf `/retrieve_results` (ich versuche es auch per DM).",
  "engine.handoffPointer": ({ link }) => `➡️ Der Fortschritt geht hier weiter: ${link}`,
  "engine.deadlineExtended": ({ stepMs, until, final }, f) =>
    `⏱️ Läuft noch; ${f.duration(stepMs)} mehr Zeit, bis ${until}${final ? " (mehr geht nicht)" : ""}.`,
  "engine.deadlineExtendedLabelled": ({ stepMs, until, final, label }, f) =>
    `⏱️ Läuft noch (${label}); ${f.duration(stepMs)} mehr Zeit, bis ${until}${final ? " (mehr geht nicht)" : ""}.`,
  "engine.deadlineWarning": ({ leftMs, at }, f) =>
    `⏳ Zeitlimit in ${f.duration(leftMs)} (${at}): Dann wird das bisher Erledigte als Teilergebnis zugestellt.`,
  "engine.resumedNotice": () => "🔄 Nach einem Update fortgesetzt; nichts ging verloren.",
  "engine.waitingForWorkerLabel": () => "Wartet auf freie Kapazität",
  "engine.cancelledByOwner": () => "Von der Person abgebrochen, die ihn gestartet hat.",
  "engine.stageFailed": ({ stage, error }) => `Schritt „${stage}“ ist fehlgeschlagen: ${error}`,
  "engine.stageGaveUp": ({ stage }) =>
    `Schritt „${stage}“ schlug immer wieder fehl und wurde nach dem letzten Versuch aufgegeben.`,
  "engine.stageUnresponsive": ({ stage, times }, f) =>
    `Schritt „${stage}“ hat ${f.count(times, { one: "einmal", other: "{n}-mal" })} nicht mehr reagiert und wurde aufgegeben.`,
  "engine.timedOut": ({ limitMs, stage }, f) =>
    `Beim Zeitlimit von ${f.duration(limitMs)} während „${stage}“ angehalten; dies ist ein Teilergebnis. Mit der Schaltfläche zum Wiederholen geht es ab dem letzten abgeschlossenen Schritt weiter.`,
  "engine.kindRemoved": ({ kind }) =>
    `Dieser Bot führt keine „${kind}“-Workflows mehr aus (ein Update hat sie entfernt); was vorher fertig wurde, steht im Ergebnis.`,
  "engine.stageRemoved": ({ stage }) =>
    `Dieser Workflow wurde mit einer früheren Version des Bots gestartet, deren Schritt „${stage}“ es nicht mehr gibt; was vorher fertig wurde, steht im Ergebnis.`,
  "engine.accessViewChannel": () =>
    "Ich kann diesen Kanal nicht sehen: Gib mir (dem Bot) dort die Berechtigung „Kanal ansehen“ und starte es dann erneut.",
  "engine.accessReadHistory": () =>
    "Ich sehe diesen Kanal, aber nicht seinen Verlauf: Gib mir (dem Bot) dort die Berechtigung „Nachrichtenverlauf anzeigen“ und starte es dann erneut.",
  "engine.accessUnknownChannel": () =>
    "Diesen Kanal gibt es nicht mehr (oder ich wurde nie zu seinem Server hinzugefügt).",
  "engine.quotaRunningItem": ({ workflowId, command, startedAt }) =>
    `• ${workflowId} ${command} · gestartet ${startedAt}`,
  "engine.quotaUserRunning": ({ count, list }, f) =>
    `⏸️ Bei dir laufen bereits ${f.count(count, WORKFLOWS)}, so viele wie erlaubt; es wurde nichts gestartet.${list}\nBrich einen mit der Abbrechen-Schaltfläche an seiner Fortschrittsnachricht oder in \`/workflows\` ab, oder warte, bis einer fertig ist, und führe den Befehl dann erneut aus.`,
  "engine.quotaServerRunning": ({ limit }, f) =>
    `⏸️ Auf diesem Server laufen bereits ${f.count(limit, WORKFLOWS)}, so viele wie erlaubt; es wurde nichts gestartet. Ein Platz wird frei, sobald einer davon fertig ist: Versuche es in ein paar Minuten noch einmal.`,
  "engine.quotaGlobalRunning": ({ limit }, f) =>
    `⏸️ Der Bot führt bereits so viele Workflows gleichzeitig aus, wie er zulässt (${f.number(limit)}, alle zusammen); es wurde nichts gestartet. Ein Platz wird frei, sobald einer fertig ist: Versuche es in ein paar Minuten noch einmal.`,
  "engine.quotaDailyRuns": ({ mine, limit, refillsAt }, f) =>
    `⏸️ ${mine ? "Dein Tagesbudget" : "Das Tagesbudget dieses Servers"} von ${f.count(limit, { one: "{n} Lauf", other: "{n} Läufen" })} ist aufgebraucht; es wurde nichts gestartet. Es füllt sich ${refillsAt} wieder auf. Bis dahin bleiben frühere Ergebnisse mit \`/retrieve_results\` abrufbar.`,
  "engine.quotaDailyRunsNoRefill": ({ mine, limit }, f) =>
    `⏸️ ${mine ? "Dein Tagesbudget" : "Das Tagesbudget dieses Servers"} von ${f.count(limit, { one: "{n} Lauf", other: "{n} Läufen" })} ist aufgebraucht; es wurde nichts gestartet. Es füllt sich wieder auf, sobald frühere Läufe älter als einen Tag sind. Bis dahin bleiben frühere Ergebnisse mit \`/retrieve_results\` abrufbar.`,
  "engine.quotaRequestsOverBudget": ({ mine, needed, limit }, f) =>
    `⏸️ Dieser Lauf würde bis zu ${f.count(needed, REQUESTS)} an Websites stellen, mehr als ${mine ? "dein gesamtes Tagesbudget" : "das gesamte Tagesbudget dieses Servers"} von ${f.number(limit)}; es wurde nichts gestartet. Wähle einen leichteren Lauf (zum Beispiel eine geringere Tiefe).`,
  "engine.quotaRequestsLeft": ({ mine, needed, limit, left, refillsAt }, f) =>
    `⏸️ Dieser Lauf würde bis zu ${f.count(needed, REQUESTS)} an Websites stellen; von ${mine ? "deinem Tagesbudget" : "dem Tagesbudget dieses Servers"} (${f.number(limit)}) sind nur noch ${f.number(left)} übrig, daher wurde nichts gestartet. Genug ist ${refillsAt} wieder da. Jetzt passt ein leichterer Lauf mit höchstens ${f.count(left, REQUESTS)} (zum Beispiel eine geringere Tiefe).`,
  "engine.startFailed": () =>
    "⚠️ Das konnte ich leider nicht starten (es wurde nichts gestartet). Bitte versuche es in einer Minute noch einmal.",
};
