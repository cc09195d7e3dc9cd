import type { Translation } from "../../catalog-types.ts";
import type { commands as english } from "../en/commands.ts";

export const commands: Translation<typeof english> = {
  "commands.ping.description": () => "Prüfen, ob der Bot läuft und wie schnell er antwortet",
  "commands.retrieveResults.name": () => "ergebnisse_abrufen",
  "commands.retrieveResults.description": () =>
    "Das Ergebnis eines deiner Workflows abrufen oder deine letzten auflisten",
  "commands.retrieveResults.workflowId.name": () => "workflow-id",
  "commands.retrieveResults.workflowId.description": () =>
    "Welcher Workflow (tippe, um aus deinen letzten Ergebnissen zu wählen)",
  "commands.workflows.name": () => "workflows",
  "commands.workflows.description": () =>
    "Deine laufenden und letzten Workflows, mit Knöpfen zum Abbrechen oder Abrufen",
  "commands.notify.name": () => "benachrichtigen",
  "commands.notify.description": () => "Eine DM, sobald eines deiner Ergebnisse fertig ist",
  "commands.notify.state.name": () => "status",
  "commands.notify.state.description": () => "An oder aus",
  "commands.notify.state.on": () => "an",
  "commands.notify.state.off": () => "aus",
  "commands.callback.description": () =>
    "Jeden fertigen Workflow dieses Servers an eine URL senden (Server verwalten)",
  "commands.callback.set.name": () => "setzen",
  "commands.callback.set.description": () =>
    "Fertige Workflows per POST an diese URL senden, signiert mit HMAC-SHA256",
  "commands.callback.url.description": () => "Die Zieladresse: https://…",
  "commands.callback.clear.name": () => "entfernen",
  "commands.callback.clear.description": () => "Keine fertigen Workflows mehr senden",
  "commands.language.name": () => "sprache",
  "commands.language.description": () =>
    "Sprache der öffentlichen Nachrichten dieses Workflows (Standard: die des Servers)",
  "commands.language.server": () => "Sprache des Servers",
  "commands.language.mine": () => "Meine Sprache",
};
