import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "Algo deu errado.",
  "common.pages": ({ count }, f) => f.count(count, { one: "{n} página", other: "{n} páginas" }),
  "common.url.invalid": () => "não é um endereço web válido",
  "common.url.scheme": ({ scheme }) => `só endereços http e https são aceitos, não “${scheme}”`,
  "common.url.credentials": () =>
    "endereços com nome de usuário ou senha (usuario@host) não são aceitos",
  "common.url.noHost": () => "ele não indica nenhum host",
  "common.url.emptySegment": () =>
    "o host tem um segmento vazio (dois pontos seguidos ou um ponto no início)",
  "common.url.unreadableHost": () =>
    "o host é um endereço numérico ou IPv6 que não pode ser lido com segurança",
  "common.url.singleLabelHost": ({ host }) =>
    `“${host}” é um nome de um só segmento, resolvido apenas em redes privadas`,
  "common.url.internalName": ({ host }) => `“${host}” é um nome interno`,
  "common.url.specialAddress": ({ range }) =>
    `o host é um endereço de uso especial, fora da internet pública (${range})`,
  "common.url.loopback": () => "o host é um endereço de loopback",
  "common.url.port": ({ port }) =>
    `a porta ${port} não é permitida (apenas as portas padrão 80 e 443)`,
  "common.url.httpsOnly": () => "callbacks são enviados apenas para endereços https://",
  "common.url.noPublicAddress": ({ host }) => `“${host}” não tem endereço no DNS público`,
  "common.url.aliasInternal": ({ host, target }) =>
    `“${host}” é um alias do nome interno “${target}”`,
  "common.url.resolvesTo": ({ host, address }) =>
    `“${host}” resolve para ${address}, que não é um endereço público`,
  "common.url.cnameChain": ({ host, max }) =>
    `“${host}” tem uma cadeia de aliases maior que ${max}`,
  "common.url.uncheckable": ({ host }) =>
    `não foi possível verificar os endereços de “${host}” (o resolvedor DNS não respondeu)`,
};
