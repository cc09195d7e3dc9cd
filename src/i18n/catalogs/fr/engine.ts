import type { Translation } from "../../catalog-types.ts";
import type { engine as english } from "../en/engine.ts";

const WORKFLOWS = { one: "{n} flux", other: "{n} flux" };
const REQUESTS = { one: "{n} requête", other: "{n} requêtes" };

export const engine: Translation<typeof english> = {
  "engine.cancelButton": () => "Annuler",
  "engine.liveViewButton": () => "Vue en direct",
  "engine.workflowFallbackTitle": () => "Flux de travail",
  "engine.progressLine": ({ fraction, stage, stages }, f) =>
    `${f.percent(fraction)} · étape ${f.number(stage)}/${f.number(stages)}`,
  "engine.progressLineLabelled": ({ fraction, stage, stages, label }, f) =>
    `${f.percent(fraction)} · étape ${f.number(stage)}/${f.number(stages)} : ${label}`,
  "engine.clockReplyWindowOpen": ({ elapsedMs, leftMs }, f) =>
    `Écoulé : ${f.duration(elapsedMs)} · fenêtre de réponse : encore ${f.duration(leftMs)}`,
  "engine.clockReplyWindowClosed": ({ elapsedMs }, f) =>
    `Écoulé : ${f.duration(elapsedMs)} · la fenêtre de réponse de Discord est fermée ; la progression continue ici`,
  "engine.endedCompleted": () => "✅ Terminé ; le résultat a été remis dans un message à part.",
  "engine.endedFailed": () => "❌ Échec.",
  "engine.endedCancelled": () => "🛑 Annulé par la personne qui l'a lancé.",
  "engine.endedTimedOut": () =>
    "⌛ Délai dépassé ; le résultat partiel a été remis dans un message à part.",
  "engine.workflowFooter": ({ workflowId }) => `-# flux ${workflowId}`,
  "engine.startNotice": ({ estimateMs, retrieveCommand }, f) =>
    `Cela prendra environ ${f.duration(estimateMs)}, plus que la fenêtre de réponse de 15 minutes de Discord. Avant qu'elle ne se ferme, la progression passera dans un nouveau message de ce salon, et le résultat vous parviendra ici, dans le salon ou en message privé. Vous pouvez toujours le récupérer avec ${retrieveCommand}.`,
  "engine.replyWindowWarning": ({ leftMs, retrieveCommand }, f) =>
    `⏳ La fenêtre de réponse de Discord pour cette commande se ferme dans ${f.duration(leftMs)}. Le flux continue ; la progression se poursuit dans un nouveau message et le résultat vous parviendra quand même (ou utilisez ${retrieveCommand}).`,
  "engine.noRouteWarning": () =>
    "⚠️ Je ne peux pas publier dans ce salon : si cela dure plus de 15 minutes, le résultat attendra `/retrieve_results` (j'essaierai aussi en message privé).",
  "engine.handoffPointer": ({ link }) => `➡️ La progression continue ici : ${link}`,
  "engine.deadlineExtended": ({ stepMs, until, final }, f) =>
    `⏱️ Toujours en cours ; délai prolongé de ${f.duration(stepMs)}, jusqu'à ${until}${final ? " (le maximum possible)" : ""}.`,
  "engine.deadlineExtendedLabelled": ({ stepMs, until, final, label }, f) =>
    `⏱️ Toujours en cours (${label}) ; délai prolongé de ${f.duration(stepMs)}, jusqu'à ${until}${final ? " (le maximum possible)" : ""}.`,
  "engine.deadlineWarning": ({ leftMs, at }, f) =>
    `⏳ Limite de temps dans ${f.duration(leftMs)} (${at}) : ce qui sera fait d'ici là sera remis comme résultat partiel.`,
  "engine.resumedNotice": () => "🔄 Reprise après une mise à jour ; rien n'a été perdu.",
  "engine.waitingForWorkerLabel": () => "En attente d'un exécutant",
  "engine.cancelledByOwner": () => "Annulé par la personne qui l'a lancé.",
  "engine.stageFailed": ({ stage, error }) => `L'étape « ${stage} » a échoué : ${error}`,
  "engine.stageGaveUp": ({ stage }) =>
    `L'étape « ${stage} » a échoué à répétition et a été abandonnée après sa dernière tentative.`,
  "engine.stageUnresponsive": ({ stage, times }, f) =>
    `L'étape « ${stage} » a cessé de répondre ${f.count(times, { one: "une fois", other: "{n} fois" })} et a été abandonnée.`,
  "engine.timedOut": ({ limitMs, stage }, f) =>
    `Arrêté à sa limite de temps de ${f.duration(limitMs)} pendant « ${stage} » ; ceci est un résultat partiel. Le bouton pour réessayer reprend après la dernière étape terminée.`,
  "engine.kindRemoved": ({ kind }) =>
    `Ce bot n'exécute plus les flux « ${kind} » (une mise à jour les a retirés) ; ce qui était terminé avant figure dans le résultat.`,
  "engine.stageRemoved": ({ stage }) =>
    `Ce flux a été lancé sur une version antérieure du bot, dont l'étape « ${stage} » n'existe plus ; ce qui était terminé avant figure dans le résultat.`,
  "engine.accessViewChannel": () =>
    "Je ne vois pas ce salon : donnez-moi (au bot) la permission « Voir le salon » dans ce salon, puis relancez.",
  "engine.accessReadHistory": () =>
    "Je vois ce salon mais pas son historique : donnez-moi (au bot) la permission « Voir les anciens messages » dans ce salon, puis relancez.",
  "engine.accessUnknownChannel": () =>
    "Ce salon n'existe plus (ou je n'ai jamais été ajouté à son serveur).",
  "engine.quotaRunningItem": ({ workflowId, command, startedAt }) =>
    `• ${workflowId} ${command} · lancé ${startedAt}`,
  "engine.quotaUserRunning": ({ count, list }, f) =>
    `⏸️ Vous avez déjà ${f.count(count, WORKFLOWS)} en cours, le maximum autorisé ; rien n'a été lancé.${list}\nAnnulez-en un avec le bouton Annuler de son message de progression ou dans \`/workflows\`, ou attendez qu'un flux se termine, puis relancez la commande.`,
  "engine.quotaServerRunning": ({ limit }, f) =>
    `⏸️ Ce serveur a déjà ${f.count(limit, WORKFLOWS)} en cours, le maximum autorisé ; rien n'a été lancé. Une place se libère dès que l'un d'eux se termine : réessayez dans quelques minutes.`,
  "engine.quotaGlobalRunning": ({ limit }, f) =>
    `⏸️ Le bot exécute déjà autant de flux à la fois qu'il le permet (${f.number(limit)}, tout le monde confondu) ; rien n'a été lancé. Une place se libère dès qu'un flux se termine : réessayez dans quelques minutes.`,
  "engine.quotaDailyRuns": ({ mine, limit, refillsAt }, f) =>
    `⏸️ ${mine ? "Votre budget" : "Le budget de ce serveur"} de ${f.count(limit, { one: "{n} exécution", other: "{n} exécutions" })} par jour est épuisé ; rien n'a été lancé. Il se recharge ${refillsAt}. D'ici là, les résultats précédents restent disponibles avec \`/retrieve_results\`.`,
  "engine.quotaDailyRunsNoRefill": ({ mine, limit }, f) =>
    `⏸️ ${mine ? "Votre budget" : "Le budget de ce serveur"} de ${f.count(limit, { one: "{n} exécution", other: "{n} exécutions" })} par jour est épuisé ; rien n'a été lancé. Il se recharge à mesure que les exécutions précédentes sortent de la journée. D'ici là, les résultats précédents restent disponibles avec \`/retrieve_results\`.`,
  "engine.quotaRequestsOverBudget": ({ mine, needed, limit }, f) =>
    `⏸️ Cette exécution ferait jusqu'à ${f.count(needed, REQUESTS)} vers des sites web, plus que ${mine ? "votre budget quotidien total" : "le budget quotidien total de ce serveur"} de ${f.number(limit)} ; rien n'a été lancé. Choisissez une exécution plus légère (par exemple une profondeur moindre).`,
  "engine.quotaRequestsLeft": ({ mine, needed, limit, left, refillsAt }, f) =>
    `⏸️ Cette exécution ferait jusqu'à ${f.count(needed, REQUESTS)} vers des sites web ; sur ${mine ? "votre budget quotidien" : "le budget quotidien de ce serveur"} de ${f.number(limit)}, il en reste ${f.number(left)}, donc rien n'a été lancé. Il y en aura assez ${refillsAt}. Dès maintenant, une exécution plus légère demandant au plus ${f.count(left, REQUESTS)} (par exemple une profondeur moindre) est possible.`,
  "engine.startFailed": () =>
    "⚠️ Désolé, je n'ai pas pu lancer cela (rien n'a été lancé). Réessayez dans une minute.",
};
