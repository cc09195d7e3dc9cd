import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "問題が発生しました。",
  "common.pages": ({ count }, f) => f.count(count, { other: "{n} ページ" }),
  "common.url.invalid": () => "有効なウェブアドレスではありません",
  "common.url.scheme": ({ scheme }) =>
    `使えるのは http と https のアドレスだけです（「${scheme}」は使えません）`,
  "common.url.credentials": () => "ユーザー名やパスワードを含むアドレス（user@host）は使えません",
  "common.url.noHost": () => "ホストが指定されていません",
  "common.url.emptySegment": () =>
    "ホスト名に空のラベルがあります（ドットの連続、または先頭のドット）",
  "common.url.unreadableHost": () =>
    "ホストが安全に読み取れない数値アドレスまたは IPv6 アドレスです",
  "common.url.singleLabelHost": ({ host }) =>
    `「${host}」はドットのない名前で、プライベートネットワーク内でしか解決されません`,
  "common.url.internalName": ({ host }) => `「${host}」は内部向けの名前です`,
  "common.url.specialAddress": ({ range }) =>
    `ホストが公開インターネット上にない特殊用途のアドレスです（${range}）`,
  "common.url.loopback": () => "ホストがループバックアドレスです",
  "common.url.port": ({ port }) =>
    `ポート ${port} は使えません（使えるのは標準の 80 と 443 だけです）`,
  "common.url.httpsOnly": () => "コールバックは https:// のアドレスにだけ送信されます",
  "common.url.noPublicAddress": ({ host }) => `「${host}」には公開 DNS 上のアドレスがありません`,
  "common.url.aliasInternal": ({ host, target }) =>
    `「${host}」は内部向けの名前「${target}」の別名です`,
  "common.url.resolvesTo": ({ host, address }) =>
    `「${host}」は公開されていないアドレス ${address} に解決されます`,
  "common.url.cnameChain": ({ host, max }) => `「${host}」の別名の連鎖が ${max} を超えています`,
  "common.url.uncheckable": ({ host }) =>
    `「${host}」のアドレスを確認できませんでした（DNS リゾルバーが応答しませんでした）`,
};
