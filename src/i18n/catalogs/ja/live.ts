import type { Translation } from "../../catalog-types.ts";
import type { live as english } from "../en/live.ts";

export const live: Translation<typeof english> = {
  "live.pageTitle": ({ title }) => `${title} · ライブビュー`,
  "live.workflowId": () => "ワークフロー ID",
  "live.statusQueued": () => "待機中",
  "live.statusRunning": () => "実行中",
  "live.statusCompleted": () => "完了",
  "live.statusFailed": () => "失敗",
  "live.statusCancelled": () => "キャンセル済み",
  "live.statusTimedOut": () => "時間切れ",
  "live.progressHeading": () => "進行状況",
  "live.stagesHeading": () => "ステージ",
  "live.clockHeading": () => "応答期限",
  "live.deliveryHeading": () => "配信",
  "live.warningsHeading": () => "警告",
  "live.resultHeading": () => "結果",
  "live.eventLog": ({ count }) => `イベントログ（${count}）`,
  "live.downloadReport": () => "report.md をダウンロード",
  "live.noscript": () =>
    "このページは JavaScript で更新されます。最新の状態を見るには再読み込みしてください。",
  "live.done": () => "完了",

  "live.stageOf": ({ stage, count }) => `ステージ ${stage} / ${count}`,
  "live.stageRestarted": ({ count }) => `${count} 回再開`,
  "live.stageWaiting": () => "待機中",
  "live.stageSoFar": ({ duration }) => `${duration} 経過`,
  "live.timelineExpired": () => "ステージの履歴は保存期間を過ぎました。",
  "live.elapsed": ({ duration }) => `経過時間 ${duration}`,

  "live.routeInteraction": () => "コマンドへの返信",
  "live.routeWebhook": () => "チャンネルの Webhook メッセージ",
  "live.routeChannel": () => "チャンネル内のボットのメッセージ",
  "live.routeDm": () => "ダイレクトメッセージ",
  "live.routeOther": () => "ボットのメッセージ",

  "live.warnTokenSoon": ({ duration }) =>
    `Discord の応答期限まであと ${duration} です。処理は続きます。`,
  "live.warnTokenDead": () => "Discord の応答期限が早めに切れました。処理は続きます。",
  "live.warnHandoff": ({ route }) => `進行状況の表示先が${route}に移りました。`,
  "live.warnHandoffFailed": () =>
    "進行状況をボットのメッセージに移せませんでした。このページで引き続き表示します。",
  "live.warnStageRetrying": ({ stage, error }) =>
    `ステージ ${stage} が失敗したため再試行しています: ${error}`,
  "live.warnStageRedriven": ({ stage }) => `ステージ ${stage} が応答しなくなったため再開しました。`,
  "live.warnDeliveryRetry": ({ route }) => `${route}での配信はいったん失敗しました。再試行します。`,
  "live.warnDeliveryImpossible": ({ route, reason }) => `${route}での配信はできません: ${reason}`,
  "live.warnOrphaned": () =>
    "結果を Discord で届けられませんでした。/retrieve_results で取得してください。",
  "live.warnStoppedEarly": () => "ワークフローは途中で停止しました。",
  "live.warnVersionChanged": () => "実行中にボットが更新されましたが、処理は続行しました。",
  "live.warnDeadlineExtended": ({ duration }) => `進行中のため、さらに ${duration} 延長しました。`,
  "live.warnDeadlineCap": () => "これ以上延長できません: 制限時間の上限に達しました。",
  "live.warnDeadlineStalled": () => "これ以上延長できません: 最近進捗がありません。",
  "live.warnDeadlineSoon": ({ duration }) =>
    `あと ${duration} で制限時間です。その後、途中までの結果を届けます。`,
  "live.warningsNone": () => "なし",
  "live.warningsNoneSoFar": () => "今のところなし",

  "live.clockOutlived": ({ duration }) =>
    `${duration} 実行しました。Discord の 15 分の応答期限を超えました。`,
  "live.clockStillOpen": ({ duration }) =>
    `${duration} 実行しました。終了時、Discord の応答期限はまだ残っていました。`,
  "live.clockClosedMoved": ({ route }) =>
    `Discord の 15 分の応答期限が切れました。進行状況は${route}とこのページで続きます。`,
  "live.clockClosedHere": () =>
    "Discord の 15 分の応答期限が切れました。進行状況はこのページで続きます。",
  "live.clockLeft": ({ duration }) => `Discord の応答期限まで残り ${duration}`,

  "live.deliveryDone": ({ route }) => `${route}で配信しました。`,
  "live.deliveryDoneAt": ({ route, time }) => `${time} に${route}で配信しました。`,
  "live.deliveryOrphaned": ({ workflowId }) =>
    `Discord では届けられません: /retrieve_results workflow_id:${workflowId} を使ってください。`,
  "live.deliveryPending": () => "結果を保存しました。Discord に配信しています…",
  "live.deliveryArchived": () => "配信済みです。これは保存された結果です。",
  "live.deliveryNotYet": () => "結果はワークフローの終了時に保存され、その後配信されます。",

  "live.connecting": () => "接続中…",
  "live.connected": () => "ライブ",
  "live.connectionRefused": ({ code }) =>
    `接続が拒否されました（${code}）。リンクを確認しています…`,
  "live.linkNoLongerWorks": () => "このリンクはもう使えません。",
  "live.connectionLost": ({ code, delay }) =>
    `接続が切れました（${code}）。${delay} 後に再接続します`,
  "live.finalState": () => "最終状態",
  "live.reloadForResult": () => "結果を見るにはページを再読み込みしてください。",

  "live.notFoundTitle": () => "見つかりません",
  "live.disabled": () => "ライブビューは有効になっていません。",
  "live.linkRefusedTitle": () => "無効なリンク",
  "live.linkMissing": () =>
    "このリンクには署名がありません。ワークフローのメッセージにある「ライブビュー」ボタンから開いてください。",
  "live.linkMalformed": () =>
    "このリンクの署名が壊れています。ワークフローのメッセージにある「ライブビュー」ボタンから開いてください。",
  "live.linkInvalid": () => "このリンクの署名はこのワークフローには有効ではありません。",
  "live.linkExpired": () =>
    "このリンクは期限切れです。ワークフローのメッセージにある「ライブビュー」ボタンに新しいリンクがあります。",
  "live.unknownWorkflowTitle": () => "不明なワークフロー",
  "live.unknownWorkflow": () =>
    "この ID のワークフローは存在しないか、記録の保存期間が過ぎています。",
  "live.noReportTitle": () => "レポートなし",
  "live.noReport": () =>
    "このワークフローには保存されたレポートがありません（まだないか、すでに削除されています）。",

  "live.errorShortMessage": () => "短い JSON テキストメッセージを 1 つ送ってください。",
  "live.errorNotJson": () => "メッセージが JSON ではありません。",
  "live.errorNotHello": () => '{"type":"hello","since":<seq>} を送ってください。',
  "live.errorBadSince": () =>
    "`since` には最後に受け取ったシーケンス番号を指定してください: 0 以上の整数（なければ 0）。",
  "live.errorSeqBeyond": ({ since, last }, f) =>
    `since=${since} はこのワークフローの最後のイベント（${f.number(last)}）より後です。ページを再読み込みしてください。`,
  "live.errorHelloTwice": () => "この接続ではすでに hello が送られています。",
  "live.errorInternal": () => "サーバーはこのメッセージを処理できませんでした。",
  "live.errorUnknownWorkflow": () => "この ID のワークフローはありません。",
  "live.errorClientLimit": ({ limit }, f) =>
    `このワークフローのライブビューをすでに ${f.count(limit, { other: "{n} 個" })}開いています。1 つ閉じてから再試行してください。`,
  "live.errorTooManySockets": ({ limit }, f) =>
    `このワークフローにはすでに ${f.count(limit, { other: "{n} 人" })}の閲覧者がいます。1 つ閉じてから再試行してください。`,
  "live.errorHelloMissing": ({ timeoutMs }, f) =>
    `${f.duration(timeoutMs)} 以内に hello が届きませんでした。`,
  "live.errorIdle": () => "ping が長い間ありません。続けるには再接続してください。",
  "live.errorLifetimeOver": () => "この接続は更新されます。再接続すると続きから再開します。",
};
