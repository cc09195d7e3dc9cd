import type { Translation } from "../../catalog-types.ts";
import type { interactions as english } from "../en/interactions.ts";

export const interactions: Translation<typeof english> = {
  "interactions.pong": ({ ms }, f) => `Pong! Antwort in ${f.number(ms)} ms.`,
  "interactions.unknownCommand": () => "Diesen Befehl kenne ich leider nicht.",
  "interactions.handlerFailed": () =>
    "Leider ist bei mir etwas schiefgegangen. Es lag nicht an dir; bitte versuch es gleich noch einmal.",
  "interactions.malformed": ({ problem }) =>
    `Ich konnte diese Interaktion nicht lesen: ${problem}.`,
  "interactions.shape.notJson": () => "der Inhalt ist kein JSON-Objekt",
  "interactions.shape.unknownType": ({ type }) => `unbekannter Interaktionstyp ${type}`,
  "interactions.shape.notList": ({ field }) => `${field} ist keine Liste`,
  "interactions.shape.tooMany": ({ field, max }, f) =>
    `${field} hat mehr als ${f.number(max)} Einträge`,
  "interactions.shape.tooDeep": ({ field, max }, f) =>
    `${field} ist tiefer als ${f.number(max)} Ebenen verschachtelt`,
  "interactions.shape.notObject": ({ field }) => `${field} ist kein Objekt`,
  "interactions.shape.notShortString": ({ field }) => `${field} ist keine kurze Zeichenkette`,
  "interactions.shape.notInteger": ({ field }) => `${field} ist keine ganze Zahl`,
  "interactions.shape.tooLong": ({ field, max }, f) =>
    `${field} ist länger als ${f.count(max, { one: "{n} Zeichen", other: "{n} Zeichen" })}`,
  "interactions.shape.notScalar": ({ field }) =>
    `${field} ist weder Zeichenkette noch Zahl noch Wahrheitswert`,
  "interactions.shape.noUser": () => "sie nennt keinen Benutzer (member.user oder user)",
  "interactions.shape.notSnowflake": ({ field }) => `${field} ist kein Snowflake`,
  "interactions.shape.missing": ({ field }) => `${field} fehlt`,
  "interactions.shape.badCustomId": ({ field, max }, f) =>
    `${field} ist keine Zeichenkette mit 1 bis ${f.number(max)} Zeichen`,
  "interactions.whoSent": () => "⚠️ Ich kann nicht erkennen, wer diesen Befehl gesendet hat.",
  "interactions.whoPressed": () => "⚠️ Ich kann nicht erkennen, wer das gedrückt hat.",
  "interactions.optionsRejected": ({ problem }) => `⚠️ ${problem} Es wurde nichts gestartet.`,
  "interactions.startFailed": () =>
    "Das konnte ich gerade leider nicht starten (es wurde nichts gestartet). Bitte versuch es in einer Minute noch einmal.",
  "interactions.cannotDeliver": ({ estimateMs, installUrl }, f) =>
    [
      `⚠️ Dieser Lauf dauert etwa ${f.duration(estimateMs)}, länger als Discords 15-minütiges Antwortfenster, und ich kann in diesem Kanal nicht posten – das Ergebnis könnte dich hier also nicht erreichen. Es wurde nichts gestartet.`,
      `Ein Server-Admin kann mich mit den nötigen Berechtigungen hinzufügen: ${installUrl}`,
      "Oder starte etwas Kürzeres (z. B. eine geringere Tiefe), oder nutze mich in einem Kanal, in dem ich posten kann.",
    ].join("\n"),
  "interactions.notify.on": () =>
    "🔔 Ich schicke dir eine DM, sobald eines deiner Ergebnisse fertig ist – zusätzlich zur normalen Zustellung.",
  "interactions.notify.off": () =>
    "🔕 Keine DMs mehr bei fertigen Ergebnissen (Ergebnisse werden weiter wie gewohnt zugestellt).",
  "interactions.notify.badState": () => "⚠️ `status` muss `an` oder `aus` sein.",
  "interactions.callback.notInServer": () =>
    "⚠️ Callbacks gehören zu einem Server; nutze diesen Befehl in einem Server.",
  "interactions.callback.notAdmin": () =>
    "🚫 Nur Mitglieder mit der Berechtigung „Server verwalten“ können den Callback ändern.",
  "interactions.callback.cleared": () =>
    "Callback entfernt: Fertige Workflows werden nirgendwohin mehr gesendet.",
  "interactions.callback.usage": () =>
    "⚠️ Nutze `/callback setzen url:` oder `/callback entfernen`.",
  "interactions.callback.urlLength": ({ max }, f) =>
    `⚠️ \`url\` muss 1 bis ${f.number(max)} Zeichen lang sein.`,
  "interactions.callback.urlRefused": ({ reason }) =>
    `⚠️ An diese URL kann ich keine Callbacks senden: ${reason}.`,
  "interactions.callback.noEncryptionKey": () =>
    "⚠️ Dieser Bot kann noch keine Callback-Geheimnisse speichern (sein Betreiber hat DATA_ENCRYPTION_KEY nicht gesetzt).",
  "interactions.callback.set": ({ url, secret, graceMs }, f) =>
    [
      `✅ Fertige Workflows dieses Servers werden als JSON per POST an ${url} gesendet, signiert nach der Standard-Webhooks-Spezifikation (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`; prüfbar mit jeder standardwebhooks-Bibliothek).`,
      `Signaturgeheimnis (wird nur einmal gezeigt; führe den Befehl erneut aus, um es zu wechseln – das alte signiert noch ${f.duration(graceMs)} lang mit):`,
      `||${secret}||`,
    ].join("\n"),
  "interactions.status.queued": () => "in der Warteschlange",
  "interactions.status.running": () => "läuft",
  "interactions.workflows.none": () => "Du hast keine laufenden oder letzten Workflows.",
  "interactions.workflows.running": () => "**Laufend**",
  "interactions.workflows.recent": () => "**Zuletzt**",
  "interactions.workflows.stage": ({ current, total }, f) =>
    `Schritt ${f.number(current)}/${f.number(total)}`,
  "interactions.workflows.elapsed": ({ ms }, f) => `seit ${f.duration(ms)}`,
  "interactions.workflows.windowClosed": () => "Antwortfenster geschlossen",
  "interactions.workflows.windowLeft": ({ ms }, f) => `Antwortfenster noch ${f.duration(ms)}`,
  "interactions.workflows.progressVia": ({ route }) => `Fortschritt über ${route}`,
  "interactions.workflows.deliveredVia": ({ route }) => `zugestellt über ${route}`,
  "interactions.workflows.notDelivered": () => "noch nicht zugestellt (für dich aufbewahrt)",
  "interactions.workflows.pickPlaceholder": () =>
    "Wähle einen Workflow, um ihn abzubrechen oder sein Ergebnis zu sehen",
  "interactions.workflows.idLine": ({ id }) => `-# Workflow ${id}`,
  "interactions.workflows.cancelButton": () => "Abbrechen",
  "interactions.workflows.showResultButton": () => "Ergebnis zeigen",
  "interactions.workflows.runAgainButton": () => "Erneut ausführen",
  "interactions.workflows.unknownPick": () => "⚠️ Ich kann nicht erkennen, was gewählt wurde.",
  "interactions.workflows.pickGone": () =>
    "Dieser Workflow ist nicht mehr in deiner Liste; führe `/workflows` erneut aus.",
  "interactions.cancel.notFound": () => "⚠️ Diesen Workflow finde ich nicht.",
  "interactions.cancel.notOwner": () =>
    "🚫 Nur die Person, die diesen Workflow gestartet hat, kann ihn abbrechen.",
  "interactions.cancel.finished": () => "Dieser Workflow ist bereits beendet.",
  "interactions.cancel.cancelling": () =>
    "🛑 Wird abgebrochen … der Workflow endet nach seinem aktuellen Schritt.",
  "interactions.cancel.cancellingButton": () => "Wird abgebrochen …",
  "interactions.rerun.notOwner": () =>
    "🚫 Nur die Person, die diesen Workflow gestartet hat, kann ihn erneut ausführen.",
  "interactions.rerun.notRetryable": () =>
    "Nur ein fehlgeschlagener oder abgelaufener Workflow kann wiederholt werden; nutze „Erneut ausführen“.",
  "interactions.rerun.stagesGone": () =>
    "⚠️ Die gespeicherten Schritte dieses Workflows sind abgelaufen; führe den Befehl erneut aus.",
  "interactions.rerun.unknownWorkflow": () => "⚠️ Diesen Befehl hat der Bot nicht mehr.",
  "interactions.rerun.noOptions": () =>
    "⚠️ Dieses Ergebnis ist zu alt zum Wiederholen; führe den Befehl selbst erneut aus.",
  "interactions.rerun.noLighterRun": () => "⚠️ Für diesen Workflow gibt es keinen leichteren Lauf.",
};
