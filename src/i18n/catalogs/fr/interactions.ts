import type { Translation } from "../../catalog-types.ts";
import type { interactions as english } from "../en/interactions.ts";

export const interactions: Translation<typeof english> = {
  "interactions.pong": ({ ms }, f) => `Pong ! Réponse en ${f.number(ms)} ms.`,
  "interactions.unknownCommand": () => "Désolé, je ne connais pas cette commande.",
  "interactions.handlerFailed": () =>
    "Désolé, un problème est survenu de mon côté. Tu n'y es pour rien ; réessaie dans un instant.",
  "interactions.malformed": ({ problem }) => `Je n'ai pas pu lire cette interaction : ${problem}.`,
  "interactions.shape.notJson": () => "le corps n'est pas un objet JSON",
  "interactions.shape.unknownType": ({ type }) => `type d'interaction inconnu ${type}`,
  "interactions.shape.notList": ({ field }) => `${field} n'est pas une liste`,
  "interactions.shape.tooMany": ({ field, max }, f) =>
    `${field} a plus de ${f.number(max)} entrées`,
  "interactions.shape.tooDeep": ({ field, max }, f) =>
    `${field} est imbriqué sur plus de ${f.number(max)} niveaux`,
  "interactions.shape.notObject": ({ field }) => `${field} n'est pas un objet`,
  "interactions.shape.notShortString": ({ field }) => `${field} n'est pas une chaîne courte`,
  "interactions.shape.notInteger": ({ field }) => `${field} n'est pas un entier`,
  "interactions.shape.tooLong": ({ field, max }, f) =>
    `${field} dépasse ${f.count(max, { one: "{n} caractère", other: "{n} caractères" })}`,
  "interactions.shape.notScalar": ({ field }) =>
    `${field} n'est ni une chaîne, ni un nombre, ni un booléen`,
  "interactions.shape.noUser": () => "elle ne nomme aucun utilisateur (member.user ou user)",
  "interactions.shape.notSnowflake": ({ field }) => `${field} n'est pas un snowflake`,
  "interactions.shape.missing": ({ field }) => `${field} est absent`,
  "interactions.shape.badCustomId": ({ field, max }, f) =>
    `${field} n'est pas une chaîne de 1 à ${f.number(max)} caractères`,
  "interactions.whoSent": () => "⚠️ Je ne sais pas qui a envoyé cette commande.",
  "interactions.whoPressed": () => "⚠️ Je ne sais pas qui a appuyé ici.",
  "interactions.optionsRejected": ({ problem }) => `⚠️ ${problem} Rien n'a été lancé.`,
  "interactions.startFailed": () =>
    "Désolé, je n'ai pas pu lancer cela pour le moment (rien n'a été lancé). Réessaie dans une minute.",
  "interactions.cannotDeliver": ({ estimateMs, installUrl }, f) =>
    [
      `⚠️ Cette exécution prend environ ${f.duration(estimateMs)}, plus que les 15 minutes de réponse que laisse Discord, et je ne peux pas publier dans ce salon : son résultat ne pourrait pas t'arriver ici. Rien n'a été lancé.`,
      `Un admin du serveur peut m'ajouter avec les permissions nécessaires : ${installUrl}`,
      "Ou lance quelque chose de plus court (par ex. une profondeur moindre), ou utilise-moi dans un salon où je peux publier.",
    ].join("\n"),
  "interactions.notify.on": () =>
    "🔔 Je t'enverrai un MP dès qu'un de tes résultats sera prêt, en plus de la livraison habituelle.",
  "interactions.notify.off": () =>
    "🔕 Plus de MP quand un résultat est prêt (les résultats restent livrés comme d'habitude).",
  "interactions.notify.badState": () => "⚠️ `état` doit être `activé` ou `désactivé`.",
  "interactions.callback.notInServer": () =>
    "⚠️ Les callbacks appartiennent à un serveur ; utilise cette commande dans un serveur.",
  "interactions.callback.notAdmin": () =>
    "🚫 Seuls les membres ayant la permission Gérer le serveur peuvent modifier le callback.",
  "interactions.callback.cleared": () =>
    "Callback effacé : les workflows terminés ne sont plus envoyés nulle part.",
  "interactions.callback.usage": () => "⚠️ Utilise `/callback définir url:` ou `/callback effacer`.",
  "interactions.callback.urlLength": ({ max }, f) =>
    `⚠️ \`url\` doit faire de 1 à ${f.number(max)} caractères.`,
  "interactions.callback.urlRefused": ({ reason }) =>
    `⚠️ Je ne peux pas envoyer de callbacks à cette URL : ${reason}.`,
  "interactions.callback.noEncryptionKey": () =>
    "⚠️ Ce bot ne peut pas encore stocker de secrets de callback (son opérateur n'a pas défini DATA_ENCRYPTION_KEY).",
  "interactions.callback.set": ({ url, secret, graceMs }, f) =>
    [
      `✅ Les workflows terminés de ce serveur seront envoyés en POST à ${url} au format JSON, signés selon la spécification Standard Webhooks (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\` ; vérifiables avec n'importe quelle bibliothèque standardwebhooks).`,
      `Secret de signature (affiché une seule fois ; relance la commande pour le changer — l'ancien secret continue de signer en parallèle pendant ${f.duration(graceMs)}) :`,
      `||${secret}||`,
    ].join("\n"),
  "interactions.status.queued": () => "en file d'attente",
  "interactions.status.running": () => "en cours",
  "interactions.workflows.none": () => "Tu n'as aucun workflow en cours ou récent.",
  "interactions.workflows.running": () => "**En cours**",
  "interactions.workflows.recent": () => "**Récents**",
  "interactions.workflows.stage": ({ current, total }, f) =>
    `étape ${f.number(current)}/${f.number(total)}`,
  "interactions.workflows.elapsed": ({ ms }, f) => `depuis ${f.duration(ms)}`,
  "interactions.workflows.windowClosed": () => "fenêtre de réponse fermée",
  "interactions.workflows.windowLeft": ({ ms }, f) =>
    `fenêtre de réponse : encore ${f.duration(ms)}`,
  "interactions.workflows.progressVia": ({ route }) => `progression via ${route}`,
  "interactions.workflows.deliveredVia": ({ route }) => `livré via ${route}`,
  "interactions.workflows.notDelivered": () => "pas encore livré (conservé pour toi)",
  "interactions.workflows.pickPlaceholder": () =>
    "Choisis un workflow pour l'annuler ou voir son résultat",
  "interactions.workflows.idLine": ({ id }) => `-# identifiant du workflow : ${id}`,
  "interactions.workflows.cancelButton": () => "Annuler",
  "interactions.workflows.showResultButton": () => "Voir le résultat",
  "interactions.workflows.runAgainButton": () => "Relancer",
  "interactions.workflows.unknownPick": () => "⚠️ Je ne sais pas ce qui a été choisi.",
  "interactions.workflows.pickGone": () =>
    "Ce workflow n'est plus dans ta liste ; relance `/workflows`.",
  "interactions.cancel.notFound": () => "⚠️ Je ne trouve pas ce workflow.",
  "interactions.cancel.notOwner": () =>
    "🚫 Seule la personne qui a lancé ce workflow peut l'annuler.",
  "interactions.cancel.finished": () => "Ce workflow est déjà terminé.",
  "interactions.cancel.cancelling": () =>
    "🛑 Annulation… le workflow s'arrête après son étape en cours.",
  "interactions.cancel.cancellingButton": () => "Annulation…",
  "interactions.rerun.notOwner": () =>
    "🚫 Seule la personne qui a lancé ce workflow peut le relancer.",
  "interactions.rerun.notRetryable": () =>
    "Seul un workflow échoué ou hors délai peut être réessayé ; utilise Relancer.",
  "interactions.rerun.stagesGone": () =>
    "⚠️ Les étapes enregistrées de ce workflow ont expiré ; relance la commande.",
  "interactions.rerun.unknownWorkflow": () => "⚠️ Ce bot n'a plus cette commande.",
  "interactions.rerun.noOptions": () =>
    "⚠️ Ce résultat est trop ancien pour être répété ; relance la commande toi-même.",
  "interactions.rerun.noLighterRun": () =>
    "⚠️ Il n'existe pas de version plus légère de ce workflow.",
};
