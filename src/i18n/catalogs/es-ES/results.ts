import type { Translation } from "../../catalog-types.ts";
import type { Formatters } from "../../formatters.ts";
import { capitalized, discordTime, type results as english } from "../en/results.ts";

const again = (runAgain: boolean) =>
  runAgain ? "pulsa **Ejecutar de nuevo**" : "vuelve a ejecutar el comando";
const retryFirst = (retry: boolean) =>
  retry ? "pulsa **Reintentar** para continuar tras la última etapa completada, " : "";
const days = (count: number, f: Formatters) =>
  f.count(count, { one: "{n} día", other: "{n} días" });

export const results: Translation<typeof english> = {
  "results.title.completed": ({ title }) => `✅ ${title}: terminado`,
  "results.title.failed": ({ title }) => `❌ ${title}: ha fallado`,
  "results.title.cancelled": ({ title }) => `🛑 ${title}: cancelado`,
  "results.title.timedOut": ({ title }) => `⌛ ${title}: tiempo agotado`,
  "results.status.completed": () => "terminado",
  "results.status.failed": () => "fallido",
  "results.status.cancelled": () => "cancelado",
  "results.status.timedOut": () => "tiempo agotado",
  "results.footer": ({ workflowId }) => `flujo de trabajo ${workflowId}`,
  "results.next.failed": ({ retry, runAgain, lighter }) =>
    `**Qué hacer ahora:** ${capitalized(`${retryFirst(retry)}${again(runAgain)}`)}${lighter ? ` o **${lighter}** para una ejecución más ligera` : ""}. Si vuelve a fallar igual, el informe adjunto indica dónde se detuvo.`,
  "results.next.timedOut": ({ retry, runAgain, lighter }) =>
    `**Qué hacer ahora:** lo que terminó va adjunto. ${capitalized(`${retryFirst(retry)}${lighter ? `prueba **${lighter}**` : "prueba con un trabajo más pequeño"}`)}, o ${again(runAgain)}.`,
  "results.next.cancelled": ({ runAgain }) =>
    `**Qué hacer ahora:** ${capitalized(again(runAgain))} para empezar de nuevo.`,
  "results.button.retry": () => "Reintentar",
  "results.button.runAgain": () => "Ejecutar de nuevo",
  "results.finding.name": ({ title, total }, f) => `${title} (${f.number(total)})`,
  "results.finding.foundOn": ({ where }) => `en ${where}`,
  "results.finding.more": ({ count }, f) => `…y ${f.number(count)} más en report.md`,
  "results.files.reportAttached": () =>
    "📎 El informe completo va adjunto: **report.md** para leer, **result.json** con los datos en bruto.",
  "results.files.reportTooLarge": ({ command }) =>
    `El informe completo es demasiado grande para adjuntarlo aquí; obtenlo con ${command}.`,
  "results.files.reportNoLinks": () =>
    "El informe completo es demasiado grande para adjuntarlo aquí y este bot no tiene enlaces de descarga configurados (su operador puede definir LINK_SIGNING_SECRET y PUBLIC_BASE_URL).",
  "results.files.attached": ({ name }) => `📎 **${name}** va adjunto.`,
  "results.files.linked": ({ name, limit, url, expiresAt }, f) =>
    `📥 **${name}** supera el tamaño permitido aquí (${f.bytes(limit)}): [descárgalo](${url}) (enlace válido hasta el ${discordTime(expiresAt, "f")}).`,
  "results.files.unavailable": ({ name, limit }, f) =>
    `⚠️ **${name}** supera el tamaño permitido aquí (${f.bytes(limit)}) y este bot no tiene enlaces de descarga configurados.`,
  "results.files.listed": ({ count }, f) =>
    f.count(count, {
      one: "🗂️ {n} archivo más: **files.md** enumera cada archivo con su enlace.",
      other: "🗂️ {n} archivos más: **files.md** enumera cada archivo con su enlace.",
    }),
  "results.fileList.heading": () => "# Archivos de este resultado",
  "results.fileList.linked": ({ name, url, size }, f) => `- [${name}](${url}) (${f.bytes(size)})`,
  "results.fileList.unlinked": ({ name, size }, f) => `- ${name} (${f.bytes(size)}, sin enlace)`,
  "results.fallbackSummary": () =>
    "No se pudo generar el informe; se adjuntan las salidas en bruto de las etapas.",
  "results.notify.ready": ({ title, input, status, summary, command }) =>
    `🔔 Tu resultado de **${title}** para ${input} está listo (${status}). ${summary}\nObtenlo cuando quieras con ${command}.`,
  "results.retrieve.notFound": ({ days: kept }, f) =>
    `No encuentro ningún resultado con ese ID. Los resultados se guardan ${days(kept, f)}; ejecuta \`/retrieve_results\` sin ID para ver los tuyos.`,
  "results.retrieve.gone": ({ days: kept }, f) =>
    `⚠️ Ya no encuentro ese resultado; los resultados se guardan ${days(kept, f)}.`,
  "results.list.none": () => "Todavía no tienes resultados guardados.",
  "results.list.heading": () => "Tus resultados recientes (los más nuevos primero):",
  "results.list.line": ({ id, command, input, status, createdAt, delivered }) =>
    `• ${id} ${command} · ${input} · ${status} · ${discordTime(createdAt, "R")}${delivered ? "" : " · aún no entregado"}`,
  "results.list.fetchOne": ({ command }) => `Obtén uno con ${command}.`,
  "results.exhausted": ({ command, workflowId, attempts, days: kept, retrieve }, f) =>
    `📭 No pude entregar el resultado de tu flujo de trabajo ${command} (${workflowId}) y dejé de reintentarlo tras ${f.count(attempts, { one: "{n} intento más", other: "{n} intentos más" })}.\nSe guarda ${days(kept, f)}: ejecuta ${retrieve} para obtenerlo.`,
  "results.fileReplyFailed": () =>
    "⚠️ Lo siento, no pude enviarlo aquí. No es culpa tuya; vuelve a ejecutar el comando.",
  "results.download.disabled": () => "Los enlaces de descarga no están activados en este bot.",
  "results.download.missing": () => "Este enlace de descarga no tiene firma.",
  "results.download.malformed": () => "La firma de este enlace de descarga está dañada.",
  "results.download.invalid": () => "Este enlace de descarga no es válido (se ha modificado).",
  "results.download.expired": () =>
    "Este enlace de descarga ha caducado: el archivo no se guarda más tiempo que el enlace.",
  "results.download.gone": () => "Este archivo ya no está almacenado.",
};
