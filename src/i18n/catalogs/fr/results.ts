import type { Translation } from "../../catalog-types.ts";
import type { Formatters } from "../../formatters.ts";
import { capitalized, discordTime, type results as english } from "../en/results.ts";

const again = (runAgain: boolean) =>
  runAgain ? "appuyez sur **Relancer**" : "relancez la commande";
const retryFirst = (retry: boolean) =>
  retry ? "appuyez sur **Réessayer** pour reprendre après la dernière étape terminée, " : "";
const days = (count: number, f: Formatters) =>
  f.count(count, { one: "{n} jour", other: "{n} jours" });

export const results: Translation<typeof english> = {
  "results.title.completed": ({ title }) => `✅ ${title} — terminé`,
  "results.title.failed": ({ title }) => `❌ ${title} — échec`,
  "results.title.cancelled": ({ title }) => `🛑 ${title} — annulé`,
  "results.title.timedOut": ({ title }) => `⌛ ${title} — délai dépassé`,
  "results.status.completed": () => "terminé",
  "results.status.failed": () => "échec",
  "results.status.cancelled": () => "annulé",
  "results.status.timedOut": () => "délai dépassé",
  "results.footer": ({ workflowId }) => `workflow ${workflowId}`,
  "results.next.failed": ({ retry, runAgain, lighter }) =>
    `**Et maintenant :** ${capitalized(`${retryFirst(retry)}${again(runAgain)}`)}${lighter ? ` ou **${lighter}** pour une exécution plus légère` : ""}. Si l'échec se répète, le rapport joint indique où il s'est arrêté.`,
  "results.next.timedOut": ({ retry, runAgain, lighter }) =>
    `**Et maintenant :** ce qui est terminé est joint. ${capitalized(`${retryFirst(retry)}${lighter ? `essayez **${lighter}**` : "essayez une tâche plus petite"}`)}, ou ${again(runAgain)}.`,
  "results.next.cancelled": ({ runAgain }) =>
    `**Et maintenant :** ${capitalized(again(runAgain))} pour recommencer.`,
  "results.button.retry": () => "Réessayer",
  "results.button.runAgain": () => "Relancer",
  "results.finding.name": ({ title, total }, f) => `${title} (${f.number(total)})`,
  "results.finding.foundOn": ({ where }) => `sur ${where}`,
  "results.finding.more": ({ count }, f) => `…et ${f.number(count)} de plus dans report.md`,
  "results.files.reportAttached": () =>
    "📎 Le rapport complet est joint : **report.md** à lire, **result.json** pour les données brutes.",
  "results.files.reportTooLarge": ({ command }) =>
    `Le rapport complet est trop volumineux pour être joint ici ; récupérez-le avec ${command}.`,
  "results.files.reportNoLinks": () =>
    "Le rapport complet est trop volumineux pour être joint ici, et ce bot n'a pas de liens de téléchargement configurés (son opérateur peut définir LINK_SIGNING_SECRET et PUBLIC_BASE_URL).",
  "results.files.attached": ({ name }) => `📎 **${name}** est joint.`,
  "results.files.linked": ({ name, limit, url, expiresAt }, f) =>
    `📥 **${name}** dépasse la taille permise ici (${f.bytes(limit)}) : [le télécharger](${url}) (lien valable jusqu'au ${discordTime(expiresAt, "f")}).`,
  "results.files.unavailable": ({ name, limit }, f) =>
    `⚠️ **${name}** dépasse la taille permise ici (${f.bytes(limit)}) et ce bot n'a pas de liens de téléchargement configurés.`,
  "results.files.listed": ({ count }, f) =>
    f.count(count, {
      one: "🗂️ {n} fichier de plus : **files.md** liste chaque fichier avec son lien.",
      other: "🗂️ {n} fichiers de plus : **files.md** liste chaque fichier avec son lien.",
    }),
  "results.fileList.heading": () => "# Fichiers de ce résultat",
  "results.fileList.linked": ({ name, url, size }, f) => `- [${name}](${url}) (${f.bytes(size)})`,
  "results.fileList.unlinked": ({ name, size }, f) => `- ${name} (${f.bytes(size)}, sans lien)`,
  "results.fallbackSummary": () =>
    "Le rapport n'a pas pu être assemblé ; les sorties brutes des étapes sont jointes.",
  "results.notify.ready": ({ title, input, status, summary, command }) =>
    `🔔 Votre résultat **${title}** pour ${input} est prêt (${status}). ${summary}\nRécupérez-le à tout moment avec ${command}.`,
  "results.retrieve.notFound": ({ days: kept }, f) =>
    `Je ne trouve aucun résultat avec cet identifiant. Les résultats sont conservés ${days(kept, f)} ; lancez \`/retrieve_results\` sans identifiant pour lister les vôtres.`,
  "results.retrieve.gone": ({ days: kept }, f) =>
    `⚠️ Je ne trouve plus ce résultat ; les résultats sont conservés ${days(kept, f)}.`,
  "results.list.none": () => "Vous n'avez encore aucun résultat enregistré.",
  "results.list.heading": () => "Vos résultats récents (les plus récents d'abord) :",
  "results.list.line": ({ id, command, input, status, createdAt, delivered }) =>
    `• ${id} ${command} · ${input} · ${status} · ${discordTime(createdAt, "R")}${delivered ? "" : " · pas encore livré"}`,
  "results.list.fetchOne": ({ command }) => `Récupérez-en un avec ${command}.`,
  "results.exhausted": ({ command, workflowId, attempts, days: kept, retrieve }, f) =>
    `📭 Je n'ai pas pu livrer le résultat de votre workflow ${command} (${workflowId}) et j'ai cessé de réessayer après ${f.count(attempts, { one: "{n} tentative supplémentaire", other: "{n} tentatives supplémentaires" })}.\nIl est conservé ${days(kept, f)} : lancez ${retrieve} pour l'obtenir.`,
  "results.fileReplyFailed": () =>
    "⚠️ Désolé, je n'ai pas pu envoyer cela ici. Vous n'y êtes pour rien ; veuillez relancer la commande.",
  "results.download.disabled": () => "Les liens de téléchargement ne sont pas activés sur ce bot.",
  "results.download.missing": () => "Ce lien de téléchargement n'a pas de signature.",
  "results.download.malformed": () => "La signature de ce lien de téléchargement est endommagée.",
  "results.download.invalid": () =>
    "Ce lien de téléchargement n'est pas valide (il a été modifié).",
  "results.download.expired": () =>
    "Ce lien de téléchargement a expiré : le fichier n'est pas conservé plus longtemps que le lien.",
  "results.download.gone": () => "Ce fichier n'est plus stocké.",
};
