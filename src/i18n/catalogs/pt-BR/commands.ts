import type { Translation } from "../../catalog-types.ts";
import type { commands as english } from "../en/commands.ts";

export const commands: Translation<typeof english> = {
  "commands.ping.description": () => "Verificar se o bot está ativo e quão rápido ele responde",
  "commands.retrieveResults.name": () => "obter_resultados",
  "commands.retrieveResults.description": () =>
    "Obter o resultado de um dos seus fluxos de trabalho ou listar os recentes",
  "commands.retrieveResults.workflowId.name": () => "id_fluxo",
  "commands.retrieveResults.workflowId.description": () =>
    "Qual fluxo de trabalho (comece a digitar para escolher entre seus resultados recentes)",
  "commands.workflows.name": () => "fluxos",
  "commands.workflows.description": () =>
    "Seus fluxos de trabalho em andamento e recentes, com botões para cancelar ou obter resultados",
  "commands.notify.name": () => "notificar",
  "commands.notify.description": () => "Receber uma DM sempre que um resultado seu ficar pronto",
  "commands.notify.state.name": () => "estado",
  "commands.notify.state.description": () => "Ativado ou desativado",
  "commands.notify.state.on": () => "ativado",
  "commands.notify.state.off": () => "desativado",
  "commands.callback.description": () =>
    "Enviar cada fluxo concluído deste servidor para uma URL (Gerenciar servidor)",
  "commands.callback.set.name": () => "definir",
  "commands.callback.set.description": () =>
    "Enviar (POST) os fluxos concluídos para esta URL, assinados com HMAC-SHA256",
  "commands.callback.url.description": () => "O endereço de destino: https://…",
  "commands.callback.clear.name": () => "limpar",
  "commands.callback.clear.description": () => "Parar de enviar os fluxos concluídos",
  "commands.language.name": () => "idioma",
  "commands.language.description": () =>
    "O idioma das mensagens públicas deste fluxo (padrão: o do servidor)",
  "commands.language.server": () => "O idioma do servidor",
  "commands.language.mine": () => "Meu idioma",
};
