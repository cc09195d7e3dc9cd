import type { Translation } from "../../catalog-types.ts";
import type { live as english } from "../en/live.ts";

export const live: Translation<typeof english> = {
  "live.pageTitle": ({ title }) => `${title} · vue en direct`,
  "live.workflowId": () => "ID du workflow",
  "live.statusQueued": () => "En file d’attente",
  "live.statusRunning": () => "En cours",
  "live.statusCompleted": () => "Terminé",
  "live.statusFailed": () => "Échoué",
  "live.statusCancelled": () => "Annulé",
  "live.statusTimedOut": () => "Délai dépassé",
  "live.progressHeading": () => "Progression",
  "live.stagesHeading": () => "Étapes",
  "live.clockHeading": () => "Fenêtre de réponse",
  "live.deliveryHeading": () => "Livraison",
  "live.warningsHeading": () => "Avertissements",
  "live.resultHeading": () => "Résultat",
  "live.eventLog": ({ count }) => `Journal des événements (${count})`,
  "live.downloadReport": () => "Télécharger report.md",
  "live.noscript": () =>
    "Cette page se met à jour avec JavaScript ; rechargez-la pour voir l’état le plus récent.",
  "live.done": () => "Terminé",

  "live.stageOf": ({ stage, count }) => `Étape ${stage} sur ${count}`,
  "live.stageRestarted": ({ count }) => `relancée ${count}×`,
  "live.stageWaiting": () => "en attente",
  "live.stageSoFar": ({ duration }) => `${duration} jusqu’ici`,
  "live.timelineExpired": () => "La chronologie des étapes a expiré.",
  "live.elapsed": ({ duration }) => `Écoulé : ${duration}`,

  "live.routeInteraction": () => "la réponse à la commande",
  "live.routeWebhook": () => "un message webhook du salon",
  "live.routeChannel": () => "un message du bot dans le salon",
  "live.routeDm": () => "un message privé",
  "live.routeOther": () => "un message du bot",

  "live.warnTokenSoon": ({ duration }) =>
    `La fenêtre de réponse de Discord se ferme dans ${duration} ; le travail continue.`,
  "live.warnTokenDead": () =>
    "La fenêtre de réponse de Discord s’est fermée plus tôt ; le travail continue.",
  "live.warnHandoff": ({ route }) => `La progression s’affiche désormais dans ${route}.`,
  "live.warnHandoffFailed": () =>
    "La progression n’a pas pu passer dans un message du bot ; cette page continue de l’afficher.",
  "live.warnStageRetrying": ({ stage, error }) =>
    `L’étape ${stage} a échoué et va être réessayée : ${error}`,
  "live.warnStageRedriven": ({ stage }) => `L’étape ${stage} ne répondait plus et a été relancée.`,
  "live.warnDeliveryRetry": ({ route }) =>
    `La livraison via ${route} a échoué pour l’instant ; nouvel essai en cours.`,
  "live.warnDeliveryImpossible": ({ route, reason }) =>
    `La livraison via ${route} est impossible : ${reason}`,
  "live.warnOrphaned": () =>
    "Le résultat n’a pas pu être livré dans Discord ; récupérez-le avec /retrieve_results.",
  "live.warnStoppedEarly": () => "Le workflow s’est arrêté avant la fin.",
  "live.warnVersionChanged": () =>
    "Le bot a été mis à jour pendant l’exécution ; il a poursuivi son travail.",
  "live.warnDeadlineExtended": ({ duration }) =>
    `Toujours en progression : ${duration} de plus accordé.`,
  "live.warnDeadlineCap": () => "Plus de temps : le plafond de la limite de temps est atteint.",
  "live.warnDeadlineStalled": () => "Plus de temps : aucune progression récente.",
  "live.warnDeadlineSoon": ({ duration }) =>
    `Limite de temps dans ${duration} ; le résultat partiel sera alors livré.`,
  "live.warningsNone": () => "Aucun.",
  "live.warningsNoneSoFar": () => "Aucun pour l’instant.",

  "live.clockOutlived": ({ duration }) =>
    `A duré ${duration} ; plus longtemps que la fenêtre de réponse de 15 minutes de Discord.`,
  "live.clockStillOpen": ({ duration }) =>
    `A duré ${duration} ; la fenêtre de réponse de Discord était encore ouverte à la fin.`,
  "live.clockClosedMoved": ({ route }) =>
    `La fenêtre de réponse de 15 minutes de Discord est fermée ; la progression continue dans ${route} et ici.`,
  "live.clockClosedHere": () =>
    "La fenêtre de réponse de 15 minutes de Discord est fermée ; la progression continue ici.",
  "live.clockLeft": ({ duration }) => `Encore ${duration} dans la fenêtre de réponse de Discord.`,

  "live.deliveryDone": ({ route }) => `Livré via ${route}.`,
  "live.deliveryDoneAt": ({ route, time }) => `Livré via ${route} à ${time}.`,
  "live.deliveryOrphaned": ({ workflowId }) =>
    `Impossible à livrer dans Discord : utilisez /retrieve_results workflow_id:${workflowId}.`,
  "live.deliveryPending": () => "Résultat enregistré ; livraison dans Discord en cours…",
  "live.deliveryArchived": () => "Livré plus tôt ; voici le résultat enregistré.",
  "live.deliveryNotYet": () => "Le résultat sera enregistré, puis livré, à la fin du workflow.",

  "live.connecting": () => "Connexion…",
  "live.connected": () => "En direct",
  "live.connectionRefused": ({ code }) => `Connexion refusée (${code}) ; vérification du lien…`,
  "live.linkNoLongerWorks": () => "Ce lien ne fonctionne plus.",
  "live.connectionLost": ({ code, delay }) =>
    `Connexion perdue (${code}) ; reconnexion dans ${delay}`,
  "live.finalState": () => "État final",
  "live.reloadForResult": () => "Rechargez la page pour voir le résultat.",

  "live.notFoundTitle": () => "Introuvable",
  "live.disabled": () => "La vue en direct n’est pas activée.",
  "live.linkRefusedTitle": () => "Lien non valide",
  "live.linkMissing": () =>
    "Ce lien n’a pas de signature. Ouvrez le bouton « Vue en direct » du message du workflow.",
  "live.linkMalformed": () =>
    "La signature de ce lien est endommagée. Ouvrez le bouton « Vue en direct » du message du workflow.",
  "live.linkInvalid": () => "La signature de ce lien n’est pas valide pour ce workflow.",
  "live.linkExpired": () =>
    "Ce lien a expiré. Le bouton « Vue en direct » du message du workflow en propose un nouveau.",
  "live.unknownWorkflowTitle": () => "Workflow inconnu",
  "live.unknownWorkflow": () =>
    "Aucun workflow ne porte cet identifiant, ou ses données ont expiré.",
  "live.noReportTitle": () => "Aucun rapport",
  "live.noReport": () =>
    "Ce workflow n’a pas de rapport enregistré (pas encore, ou plus maintenant).",

  "live.errorShortMessage": () => "Envoyez un seul message texte JSON court.",
  "live.errorNotJson": () => "Le message n’est pas du JSON.",
  "live.errorNotHello": () => 'Attendu : {"type":"hello","since":<seq>}.',
  "live.errorBadSince": () =>
    "`since` doit être le dernier numéro de séquence vu : un entier ≥ 0 (0 si aucun).",
  "live.errorSeqBeyond": ({ since, last }, f) =>
    `since=${since} dépasse le dernier événement de ce workflow (${f.number(last)}) ; rechargez la page.`,
  "live.errorHelloTwice": () => "hello a déjà été envoyé sur cette connexion.",
  "live.errorInternal": () => "Le serveur n’a pas pu traiter ce message.",
  "live.errorUnknownWorkflow": () => "Aucun workflow avec cet identifiant.",
  "live.errorClientLimit": ({ limit }, f) =>
    `Vous avez déjà ${f.count(limit, { one: "{n} vue en direct ouverte", other: "{n} vues en direct ouvertes" })} pour ce workflow ; fermez-en une et réessayez.`,
  "live.errorTooManySockets": ({ limit }, f) =>
    `Ce workflow a déjà ${f.count(limit, { one: "{n} spectateur en direct", other: "{n} spectateurs en direct" })} ; fermez une vue et réessayez.`,
  "live.errorHelloMissing": ({ timeoutMs }, f) =>
    `Aucun hello reçu dans les ${f.duration(timeoutMs)}.`,
  "live.errorIdle": () => "Aucun ping depuis trop longtemps ; reconnectez-vous pour continuer.",
  "live.errorLifetimeOver": () =>
    "Cette connexion est renouvelée ; une reconnexion reprend là où elle en était.",
};
