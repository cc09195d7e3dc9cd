import type { Translation } from "../../catalog-types.ts";
import type { commands as english } from "../en/commands.ts";

export const commands: Translation<typeof english> = {
  "commands.ping.description": () => "Vérifier que le bot répond, et à quelle vitesse",
  "commands.retrieveResults.name": () => "récupérer_résultats",
  "commands.retrieveResults.description": () =>
    "Récupérer le résultat d'un de tes workflows, ou lister les plus récents",
  "commands.retrieveResults.workflowId.name": () => "id_workflow",
  "commands.retrieveResults.workflowId.description": () =>
    "Quel workflow (commence à taper pour choisir parmi tes résultats récents)",
  "commands.workflows.name": () => "workflows",
  "commands.workflows.description": () =>
    "Tes workflows en cours et récents, avec des boutons pour annuler ou récupérer",
  "commands.notify.name": () => "notifier",
  "commands.notify.description": () => "Recevoir un MP dès qu'un de tes résultats est prêt",
  "commands.notify.state.name": () => "état",
  "commands.notify.state.description": () => "Activé ou désactivé",
  "commands.notify.state.on": () => "activé",
  "commands.notify.state.off": () => "désactivé",
  "commands.callback.description": () =>
    "Envoyer chaque workflow terminé de ce serveur à une URL (Gérer le serveur)",
  "commands.callback.set.name": () => "définir",
  "commands.callback.set.description": () =>
    "Envoyer (POST) les workflows terminés à cette URL, signés en HMAC-SHA256",
  "commands.callback.url.description": () => "L'adresse de destination : https://…",
  "commands.callback.clear.name": () => "effacer",
  "commands.callback.clear.description": () => "Ne plus envoyer les workflows terminés",
  "commands.language.name": () => "langue",
  "commands.language.description": () =>
    "La langue des messages publics de ce workflow (par défaut : celle du serveur)",
  "commands.language.server": () => "La langue du serveur",
  "commands.language.mine": () => "Ma langue",
};
