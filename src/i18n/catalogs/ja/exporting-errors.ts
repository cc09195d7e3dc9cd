import { EXPORT_FORMATS, HAS_KINDS } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exportingErrors as english } from "../en/exporting-errors.ts";

export const OPTION = {
  channel: "チャンネル",
  format: "形式",
  after: "以降",
  before: "以前",
  filter: "フィルター",
  partition: "分割",
} as const;
const named = (option: string) => `\`${OPTION[option as keyof typeof OPTION] ?? option}\``;

const BOUND_ACCEPTED =
  "日付（2024-05-01、UTC の 2024-05-01T18:30、または +02:00 のようなオフセット付き）、" +
  "メッセージリンク（メッセージリンクをコピー）、またはメッセージ ID（メッセージ ID をコピー）を指定してください。";
const bound = (option: string, problem: string, accepted = true) =>
  `${named(option)}: ${problem}${accepted ? BOUND_ACCEPTED : ""}`;
const filter = (problem: string) =>
  `${named("filter")}: ${problem}使えるもの: from:<ユーザー名または ID>、mentions:<ユーザー名または ID>、has:${HAS_KINDS.join("|")}、reaction:<絵文字>、単語と "引用符で囲んだ語句"。先頭の - で否定し、スペースで区切ります（すべてに一致する必要があります）。`;

export const exportingErrors: Translation<typeof english> = {
  "exporting.error.channel": () =>
    `${named("channel")} はこのサーバーのチャンネルにしてください（一覧から選んでください）。`,
  "exporting.error.format": ({ format }, f) =>
    `${named("format")} ${format} には対応していません。対応形式は ${f.list(EXPORT_FORMATS)} です。`,
  "exporting.error.tooLong": ({ option, limit }, f) =>
    `${named(option)} が ${f.number(limit)} 文字を超えています。`,
  "exporting.error.order": () =>
    `${named("after")} は ${named("before")} より前にしてください。その間には何もありません。`,
  "exporting.error.partition": ({ min, max }, f) =>
    `${named("partition")} は ${f.number(min)} から ${f.number(max)} までの整数（メッセージ件数）にしてください。`,

  "exporting.bound.empty": ({ option }) => bound(option, "値が空です。"),
  "exporting.bound.tooLong": ({ option }) => bound(option, "値が長すぎます。"),
  "exporting.bound.notId": ({ option }) =>
    bound(option, "この数値は Discord のメッセージ ID ではありません。"),
  "exporting.bound.badLink": ({ option }) => bound(option, "このリンクを読み取れませんでした。"),
  "exporting.bound.notLink": ({ option }) =>
    bound(option, "このリンクは Discord のメッセージリンクではありません。"),
  "exporting.bound.noSuchDate": ({ option }) => bound(option, "この日付は存在しません。"),
  "exporting.bound.badDate": ({ option }) => bound(option, "この日付を読み取れませんでした。"),
  "exporting.bound.beforeDiscord": ({ option }) =>
    bound(
      option,
      "Discord は 2015 年に始まりました。2015-01-01 以降の日付を使ってください。",
      false,
    ),
  "exporting.bound.unknown": ({ option }) =>
    bound(option, "日付、メッセージリンク、メッセージ ID のいずれでもありません。"),

  "exporting.filter.unclosedQuote": () => filter("引用符が閉じられていません。"),
  "exporting.filter.or": () =>
    filter('"|"（または）と括弧には対応していません。語句はすべて AND で組み合わされます。'),
  "exporting.filter.needsValue": ({ term }) => filter(`${term} には値が必要です。`),
  "exporting.filter.emptyTerm": () => filter("空の語句があります。"),
  "exporting.filter.termTooLong": ({ limit }, f) =>
    filter(`${f.number(limit)} 文字を超える語句があります。`),
  "exporting.filter.unknownHas": ({ term }) => filter(`${term} は使えません。`),
  "exporting.filter.tooLong": ({ limit }, f) =>
    filter(`フィルターが ${f.number(limit)} 文字を超えています。`),
  "exporting.filter.empty": () => filter("フィルターが空です。"),
  "exporting.filter.tooManyTerms": ({ limit }, f) =>
    filter(`フィルターの語句が ${f.number(limit)} 個を超えています。`),

  "exporting.access.dm": () =>
    "`/export` はサーバーのチャンネルで使えます。ダイレクトメッセージでは使えません。",
  "exporting.access.kind": () =>
    "エクスポートできるのはテキストチャンネル、アナウンスチャンネル、フォーラム、スレッドです。このチャンネルはどれでもありません。",
  "exporting.access.unknown": () =>
    "このチャンネルの履歴をあなたが読めるか確認できないため、エクスポートしません。",
  "exporting.access.member": () =>
    "エクスポートできるのは、履歴を読めるチャンネル（チャンネルを見る・メッセージ履歴を読む）だけです。何も開始していません。",
  "exporting.access.bot": () =>
    "このチャンネルの履歴を読めません。ここで私（ボット）に **チャンネルを見る** と **メッセージ履歴を読む** を付与してから、もう一度実行してください。何も開始していません。",
};
