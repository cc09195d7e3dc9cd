import { MIN_PARTITION } from "../../../workflows/export/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { exporting as english } from "../en/exporting.ts";
import { exportingErrors, OPTION } from "./exporting-errors.ts";

export const exporting: Translation<typeof english> = {
  ...exportingErrors,
  "exporting.title": () => "チャンネルのエクスポート",
  "exporting.command.description": () =>
    "チャンネルのメッセージをファイルにエクスポートします（HTML、JSON、CSV、TXT）",
  "exporting.option.channel": () => OPTION.channel,
  "exporting.option.channel.description": () =>
    "エクスポートするチャンネル、フォーラム、スレッド（既定: このチャンネル）",
  "exporting.option.format": () => OPTION.format,
  "exporting.option.format.description": () => "ファイルの形式（既定: html）",
  "exporting.choice.html": () => "html: Discord のような見た目の Web ページ",
  "exporting.choice.json": () => "json: プログラム向け",
  "exporting.choice.csv": () => "csv: 表計算ソフト向け",
  "exporting.choice.txt": () => "txt: プレーンテキスト",
  "exporting.option.after": () => OPTION.after,
  "exporting.option.after.description": () =>
    "これより後のメッセージのみ: 日付（2026-01-31）、メッセージリンクまたは ID",
  "exporting.option.before": () => OPTION.before,
  "exporting.option.before.description": () =>
    "これより前のメッセージのみ: 日付、メッセージリンクまたは ID",
  "exporting.option.filter": () => OPTION.filter,
  "exporting.option.filter.description": () =>
    "例: from:alice has:image こんにちは（すべてに一致するもの）",
  "exporting.option.threads": () => "スレッド",
  "exporting.option.threads.description": () =>
    "チャンネルのスレッド（アクティブとアーカイブ済み）もエクスポートする",
  "exporting.option.partition": () => OPTION.partition,
  "exporting.option.partition.description": (_, f) =>
    `この件数ごとにファイルを分割（${f.number(MIN_PARTITION)} 件以上）`,

  "exporting.stage.prepare": () => "チャンネルを読み取り中",
  "exporting.stage.collect": () => "メッセージを読み取り中",
  "exporting.stage.assemble": () => "ファイルを書き込み中",
  "exporting.progress.threads": () => "スレッドを一覧中",
  "exporting.progress.reading": ({ kept, read }, f) =>
    `メッセージを読み取り中: ${f.number(read)} 件中 ${f.number(kept)} 件を保持`,
  "exporting.progress.writing": ({ files }, f) => `ファイルを書き込み中: ${f.number(files)} 件完了`,

  "exporting.summary.done": (v, f) =>
    `#${v.channel} のメッセージ ${f.number(v.messages)} 件を ${v.format} でエクスポートしました（ファイル ${f.number(v.files)} 件、${f.bytes(v.bytes)}）。`,
  "exporting.summary.unfinished": ({ channel, error }) =>
    `#${channel} のエクスポートは完了しませんでした。${error ? ` ${error}` : ""}`,
  "exporting.messageContent": () =>
    "ほとんどのメッセージが空で返ってきました。このアプリケーションには Message Content インテントがありません。Discord Developer Portal → アプリケーション → Bot → Privileged Gateway Intents → Message Content Intent で有効にしてから、もう一度エクスポートしてください。",
  "exporting.field.channel": () => "チャンネル",
  "exporting.field.messages": () => "メッセージ",
  "exporting.field.participants": () => "参加者",
  "exporting.participants.atLeast": ({ count }, f) => `${f.number(count)} 人以上`,
  "exporting.field.dateSpan": () => "期間",
  "exporting.dateSpan": ({ first, last }, f) => `${f.dateTime(first)} → ${f.dateTime(last)}`,
  "exporting.dateSpan.none": () => "メッセージなし",
  "exporting.field.size": () => "サイズ",
  "exporting.size": ({ bytes, files }, f) => `${f.bytes(bytes)}（ファイル ${f.number(files)} 件）`,
  "exporting.field.filters": () => "絞り込み",
  "exporting.filters.none": () => "なし",
  "exporting.filters.after": ({ value }) => `${value} より後`,
  "exporting.filters.before": ({ value }) => `${value} より前`,
  "exporting.filters.filter": ({ value }) => `フィルター ${value}`,
  "exporting.field.skipped": () => "除外",
  "exporting.skipped.unmatched": ({ count }, f) =>
    `${f.number(count)} 件のメッセージはフィルターに一致しませんでした。`,
  "exporting.skipped.threadsCapped": ({ limit }, f) =>
    `最初の ${f.number(limit)} 件を超えるスレッドは除外しました（1 スレッド 1 ファイルが上限です）。`,
  "exporting.skipped.privateThreads": () =>
    "アーカイブ済みのプライベートスレッドは除外しました。一覧するには「スレッドの管理」権限が必要です。",
  "exporting.field.messageContent": () => "⚠️ メッセージの内容",
  "exporting.report.title": ({ channel }) => `# #${channel} のエクスポート`,
  "exporting.report.files": () => "## ファイル",
  "exporting.report.file": (v, f) =>
    `- ${v.name}: メッセージ ${f.number(v.messages)} 件、${f.bytes(v.bytes)}`,
  "exporting.report.noFiles": () => "- なし",
};
