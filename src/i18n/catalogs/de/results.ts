import type { Translation } from "../../catalog-types.ts";
import type { Formatters } from "../../formatters.ts";
import { capitalized, discordTime, type results as english } from "../en/results.ts";

const again = (runAgain: boolean) =>
  runAgain ? "drücke **Neu starten**" : "führe den Befehl erneut aus";
const retryFirst = (retry: boolean) =>
  retry ? "drücke **Wiederholen**, um nach der letzten abgeschlossenen Stufe weiterzumachen, " : "";
const days = (count: number, f: Formatters) =>
  f.count(count, { one: "{n} Tag", other: "{n} Tage" });

export const results: Translation<typeof english> = {
  "results.title.completed": ({ title }) => `✅ ${title} abgeschlossen`,
  "results.title.failed": ({ title }) => `❌ ${title} fehlgeschlagen`,
  "results.title.cancelled": ({ title }) => `🛑 ${title} wurde abgebrochen`,
  "results.title.timedOut": ({ title }) => `⌛ ${title}: Zeit abgelaufen`,
  "results.status.completed": () => "abgeschlossen",
  "results.status.failed": () => "fehlgeschlagen",
  "results.status.cancelled": () => "abgebrochen",
  "results.status.timedOut": () => "Zeit abgelaufen",
  "results.footer": ({ workflowId }) => `Workflow ${workflowId}`,
  "results.next.failed": ({ retry, runAgain, lighter }) =>
    `**Was nun:** ${capitalized(`${retryFirst(retry)}${again(runAgain)}`)}${lighter ? ` oder **${lighter}** für einen leichteren Lauf` : ""}. Schlägt es wieder genauso fehl, zeigt der angehängte Bericht, wo es stehen blieb.`,
  "results.next.timedOut": ({ retry, runAgain, lighter }) =>
    `**Was nun:** Was fertig wurde, ist angehängt. ${capitalized(`${retryFirst(retry)}${lighter ? `versuche **${lighter}**` : "versuche einen kleineren Auftrag"}`)} oder ${again(runAgain)}.`,
  "results.next.cancelled": ({ runAgain }) =>
    `**Was nun:** ${capitalized(again(runAgain))}, um von vorn zu beginnen.`,
  "results.button.retry": () => "Wiederholen",
  "results.button.runAgain": () => "Neu starten",
  "results.finding.name": ({ title, total }, f) => `${title} (${f.number(total)})`,
  "results.finding.foundOn": ({ where }) => `auf ${where}`,
  "results.finding.more": ({ count }, f) => `…und ${f.number(count)} weitere in report.md`,
  "results.files.reportAttached": () =>
    "📎 Der vollständige Bericht ist angehängt: **report.md** zum Lesen, **result.json** mit den Rohdaten.",
  "results.files.reportTooLarge": ({ command }) =>
    `Der vollständige Bericht ist zu groß, um ihn hier anzuhängen; hol ihn dir mit ${command}.`,
  "results.files.reportNoLinks": () =>
    "Der vollständige Bericht ist zu groß, um ihn hier anzuhängen, und dieser Bot hat keine Download-Links eingerichtet (der Betreiber kann LINK_SIGNING_SECRET und PUBLIC_BASE_URL setzen).",
  "results.files.attached": ({ name }) => `📎 **${name}** ist angehängt.`,
  "results.files.linked": ({ name, limit, url, expiresAt }, f) =>
    `📥 **${name}** ist größer, als Dateien hier sein dürfen (${f.bytes(limit)}): [herunterladen](${url}) (Link gültig bis ${discordTime(expiresAt, "f")}).`,
  "results.files.unavailable": ({ name, limit }, f) =>
    `⚠️ **${name}** ist größer, als Dateien hier sein dürfen (${f.bytes(limit)}), und dieser Bot hat keine Download-Links eingerichtet.`,
  "results.files.listed": ({ count }, f) =>
    f.count(count, {
      one: "🗂️ {n} weitere Datei: **files.md** listet jede Datei mit ihrem Link auf.",
      other: "🗂️ {n} weitere Dateien: **files.md** listet jede Datei mit ihrem Link auf.",
    }),
  "results.fileList.heading": () => "# Dateien dieses Ergebnisses",
  "results.fileList.linked": ({ name, url, size }, f) => `- [${name}](${url}) (${f.bytes(size)})`,
  "results.fileList.unlinked": ({ name, size }, f) => `- ${name} (${f.bytes(size)}, kein Link)`,
  "results.fallbackSummary": () =>
    "Der Bericht konnte nicht erstellt werden; die Rohdaten der Stufen sind angehängt.",
  "results.notify.ready": ({ title, input, status, summary, command }) =>
    `🔔 Dein Ergebnis von **${title}** für ${input} ist da (${status}). ${summary}\nDu kannst es jederzeit mit ${command} abrufen.`,
  "results.retrieve.notFound": ({ days: kept }, f) =>
    `Ich finde kein Ergebnis mit dieser ID. Ergebnisse werden ${days(kept, f)} aufbewahrt; führe \`/retrieve_results\` ohne ID aus, um deine aufzulisten.`,
  "results.retrieve.gone": ({ days: kept }, f) =>
    `⚠️ Ich finde dieses Ergebnis nicht mehr; Ergebnisse werden ${days(kept, f)} aufbewahrt.`,
  "results.list.none": () => "Du hast noch keine gespeicherten Ergebnisse.",
  "results.list.heading": () => "Deine letzten Ergebnisse (neueste zuerst):",
  "results.list.line": ({ id, command, input, status, createdAt, delivered }) =>
    `• ${id} ${command} · ${input} · ${status} · ${discordTime(createdAt, "R")}${delivered ? "" : " · noch nicht zugestellt"}`,
  "results.list.fetchOne": ({ command }) => `Ruf eines mit ${command} ab.`,
  "results.exhausted": ({ command, workflowId, attempts, days: kept, retrieve }, f) =>
    `📭 Ich konnte das Ergebnis deines Workflows ${command} (${workflowId}) nicht zustellen und habe nach ${f.count(attempts, { one: "{n} weiteren Versuch", other: "{n} weiteren Versuchen" })} aufgehört, es erneut zu versuchen.\nEs wird ${days(kept, f)} aufbewahrt: Führe ${retrieve} aus, um es zu erhalten.`,
  "results.fileReplyFailed": () =>
    "⚠️ Das konnte ich hier leider nicht senden. Es lag nicht an dir; bitte führe den Befehl erneut aus.",
  "results.download.disabled": () => "Download-Links sind bei diesem Bot nicht aktiviert.",
  "results.download.missing": () => "Diesem Download-Link fehlt die Signatur.",
  "results.download.malformed": () => "Die Signatur dieses Download-Links ist beschädigt.",
  "results.download.invalid": () => "Dieser Download-Link ist ungültig (er wurde verändert).",
  "results.download.expired": () =>
    "Dieser Download-Link ist abgelaufen: Die Datei wird nicht länger aufbewahrt als der Link.",
  "results.download.gone": () => "Diese Datei ist nicht mehr gespeichert.",
};
