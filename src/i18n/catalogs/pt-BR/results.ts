import type { Translation } from "../../catalog-types.ts";
import type { Formatters } from "../../formatters.ts";
import { capitalized, discordTime, type results as english } from "../en/results.ts";

const again = (runAgain: boolean) =>
  runAgain ? "clique em **Executar de novo**" : "execute o comando de novo";
const retryFirst = (retry: boolean) =>
  retry ? "clique em **Tentar de novo** para continuar após a última etapa concluída, " : "";
const days = (count: number, f: Formatters) =>
  f.count(count, { one: "{n} dia", other: "{n} dias" });

export const results: Translation<typeof english> = {
  "results.title.completed": ({ title }) => `✅ ${title}: concluído`,
  "results.title.failed": ({ title }) => `❌ ${title}: falhou`,
  "results.title.cancelled": ({ title }) => `🛑 ${title}: cancelado`,
  "results.title.timedOut": ({ title }) => `⌛ ${title}: tempo esgotado`,
  "results.status.completed": () => "concluído",
  "results.status.failed": () => "falhou",
  "results.status.cancelled": () => "cancelado",
  "results.status.timedOut": () => "tempo esgotado",
  "results.footer": ({ workflowId }) => `fluxo ${workflowId}`,
  "results.next.failed": ({ retry, runAgain, lighter }) =>
    `**E agora:** ${capitalized(`${retryFirst(retry)}${again(runAgain)}`)}${lighter ? ` ou **${lighter}** para uma execução mais leve` : ""}. Se falhar do mesmo jeito, o relatório anexado mostra onde parou.`,
  "results.next.timedOut": ({ retry, runAgain, lighter }) =>
    `**E agora:** o que terminou está anexado. ${capitalized(`${retryFirst(retry)}${lighter ? `tente **${lighter}**` : "tente uma tarefa menor"}`)}, ou ${again(runAgain)}.`,
  "results.next.cancelled": ({ runAgain }) =>
    `**E agora:** ${capitalized(again(runAgain))} para começar de novo.`,
  "results.button.retry": () => "Tentar de novo",
  "results.button.runAgain": () => "Executar de novo",
  "results.finding.name": ({ title, total }, f) => `${title} (${f.number(total)})`,
  "results.finding.foundOn": ({ where }) => `em ${where}`,
  "results.finding.more": ({ count }, f) => `…e mais ${f.number(count)} em report.md`,
  "results.files.reportAttached": () =>
    "📎 O relatório completo está anexado: **report.md** para ler, **result.json** com os dados brutos.",
  "results.files.reportTooLarge": ({ command }) =>
    `O relatório completo é grande demais para anexar aqui; obtenha-o com ${command}.`,
  "results.files.reportNoLinks": () =>
    "O relatório completo é grande demais para anexar aqui, e este bot não tem links de download configurados (o operador pode definir LINK_SIGNING_SECRET e PUBLIC_BASE_URL).",
  "results.files.attached": ({ name }) => `📎 **${name}** está anexado.`,
  "results.files.linked": ({ name, limit, url, expiresAt }, f) =>
    `📥 **${name}** é maior do que os arquivos aqui podem ser (${f.bytes(limit)}): [baixe-o](${url}) (link válido até ${discordTime(expiresAt, "f")}).`,
  "results.files.unavailable": ({ name, limit }, f) =>
    `⚠️ **${name}** é maior do que os arquivos aqui podem ser (${f.bytes(limit)}) e este bot não tem links de download configurados.`,
  "results.files.listed": ({ count }, f) =>
    f.count(count, {
      one: "🗂️ Mais {n} arquivo: **files.md** lista cada arquivo com seu link.",
      other: "🗂️ Mais {n} arquivos: **files.md** lista cada arquivo com seu link.",
    }),
  "results.fileList.heading": () => "# Arquivos deste resultado",
  "results.fileList.linked": ({ name, url, size }, f) => `- [${name}](${url}) (${f.bytes(size)})`,
  "results.fileList.unlinked": ({ name, size }, f) => `- ${name} (${f.bytes(size)}, sem link)`,
  "results.fallbackSummary": () =>
    "Não foi possível montar o relatório; as saídas brutas das etapas estão anexadas.",
  "results.notify.ready": ({ title, input, status, summary, command }) =>
    `🔔 Seu resultado de **${title}** para ${input} está pronto (${status}). ${summary}\nObtenha-o quando quiser com ${command}.`,
  "results.retrieve.notFound": ({ days: kept }, f) =>
    `Não encontro nenhum resultado com esse ID. Os resultados ficam guardados por ${days(kept, f)}; execute \`/retrieve_results\` sem ID para listar os seus.`,
  "results.retrieve.gone": ({ days: kept }, f) =>
    `⚠️ Não encontro mais esse resultado; os resultados ficam guardados por ${days(kept, f)}.`,
  "results.list.none": () => "Você ainda não tem resultados guardados.",
  "results.list.heading": () => "Seus resultados recentes (mais novos primeiro):",
  "results.list.line": ({ id, command, input, status, createdAt, delivered }) =>
    `• ${id} ${command} · ${input} · ${status} · ${discordTime(createdAt, "R")}${delivered ? "" : " · ainda não entregue"}`,
  "results.list.fetchOne": ({ command }) => `Obtenha um com ${command}.`,
  "results.exhausted": ({ command, workflowId, attempts, days: kept, retrieve }, f) =>
    `📭 Não consegui entregar o resultado do seu fluxo ${command} (${workflowId}) e parei de tentar após mais ${f.count(attempts, { one: "{n} tentativa", other: "{n} tentativas" })}.\nEle fica guardado por ${days(kept, f)}: execute ${retrieve} para obtê-lo.`,
  "results.fileReplyFailed": () =>
    "⚠️ Desculpe, não consegui enviar isso aqui. Não foi nada que você fez; execute o comando de novo.",
  "results.download.disabled": () => "Os links de download não estão ativados neste bot.",
  "results.download.missing": () => "Este link de download não tem assinatura.",
  "results.download.malformed": () => "A assinatura deste link de download está danificada.",
  "results.download.invalid": () => "Este link de download não é válido (foi alterado).",
  "results.download.expired": () =>
    "Este link de download expirou: o arquivo não fica guardado por mais tempo que o link.",
  "results.download.gone": () => "Este arquivo não está mais armazenado.",
};
