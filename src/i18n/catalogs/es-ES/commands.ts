import type { Translation } from "../../catalog-types.ts";
import type { commands as english } from "../en/commands.ts";

export const commands: Translation<typeof english> = {
  "commands.ping.description": () => "Comprobar que el bot está activo y lo rápido que responde",
  "commands.retrieveResults.name": () => "obtener_resultados",
  "commands.retrieveResults.description": () =>
    "Obtener el resultado de uno de tus flujos de trabajo o listar los recientes",
  "commands.retrieveResults.workflowId.name": () => "id_flujo",
  "commands.retrieveResults.workflowId.description": () =>
    "Qué flujo de trabajo (empieza a escribir para elegir entre tus resultados recientes)",
  "commands.workflows.name": () => "flujos",
  "commands.workflows.description": () =>
    "Tus flujos de trabajo en curso y recientes, con botones para cancelar u obtener resultados",
  "commands.notify.name": () => "notificar",
  "commands.notify.description": () => "Recibir un MD cuando uno de tus resultados esté listo",
  "commands.notify.state.name": () => "estado",
  "commands.notify.state.description": () => "Activado o desactivado",
  "commands.notify.state.on": () => "activado",
  "commands.notify.state.off": () => "desactivado",
  "commands.callback.description": () =>
    "Enviar cada flujo terminado de este servidor a una URL (Gestionar servidor)",
  "commands.callback.set.name": () => "establecer",
  "commands.callback.set.description": () =>
    "Enviar (POST) los flujos terminados a esta URL, firmados con HMAC-SHA256",
  "commands.callback.url.description": () => "La dirección de destino: https://…",
  "commands.callback.clear.name": () => "borrar",
  "commands.callback.clear.description": () => "Dejar de enviar los flujos terminados",
  "commands.language.name": () => "idioma",
  "commands.language.description": () =>
    "El idioma de los mensajes públicos de este flujo (por defecto: el del servidor)",
  "commands.language.server": () => "El idioma del servidor",
  "commands.language.mine": () => "Mi idioma",
};
