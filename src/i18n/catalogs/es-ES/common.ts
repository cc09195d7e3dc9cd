import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "Algo salió mal.",
  "common.pages": ({ count }, f) => f.count(count, { one: "{n} página", other: "{n} páginas" }),
  "common.url.invalid": () => "no es una dirección web válida",
  "common.url.scheme": ({ scheme }) => `solo se admiten direcciones http y https, no «${scheme}»`,
  "common.url.credentials": () =>
    "no se admiten direcciones con usuario o contraseña (usuario@host)",
  "common.url.noHost": () => "no indica ningún host",
  "common.url.emptySegment": () =>
    "su host tiene un segmento vacío (dos puntos seguidos o un punto al principio)",
  "common.url.unreadableHost": () =>
    "su host es una dirección numérica o IPv6 que no se puede leer con seguridad",
  "common.url.singleLabelHost": ({ host }) =>
    `«${host}» es un nombre de un solo segmento, que solo se resuelve en redes privadas`,
  "common.url.internalName": ({ host }) => `«${host}» es un nombre interno`,
  "common.url.specialAddress": ({ range }) =>
    `su host es una dirección de uso especial, fuera de internet pública (${range})`,
  "common.url.loopback": () => "su host es una dirección de bucle local",
  "common.url.port": ({ port }) =>
    `el puerto ${port} no está permitido (solo los puertos estándar 80 y 443)`,
  "common.url.httpsOnly": () => "los callbacks solo se envían a direcciones https://",
  "common.url.noPublicAddress": ({ host }) => `«${host}» no tiene dirección en el DNS público`,
  "common.url.aliasInternal": ({ host, target }) =>
    `«${host}» es un alias del nombre interno «${target}»`,
  "common.url.resolvesTo": ({ host, address }) =>
    `«${host}» se resuelve en ${address}, que no es una dirección pública`,
  "common.url.cnameChain": ({ host, max }) =>
    `«${host}» tiene una cadena de alias de más de ${max}`,
  "common.url.uncheckable": ({ host }) =>
    `no se pudieron comprobar las direcciones de «${host}» (el resolvedor DNS no respondió)`,
};
