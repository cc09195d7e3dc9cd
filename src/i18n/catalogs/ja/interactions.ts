import type { Translation } from "../../catalog-types.ts";
import type { interactions as english } from "../en/interactions.ts";

export const interactions: Translation<typeof english> = {
  "interactions.pong": ({ ms }, f) => `Pong! ${f.number(ms)} ms で応答しました。`,
  "interactions.unknownCommand": () => "すみません、そのコマンドは知りません。",
  "interactions.handlerFailed": () =>
    "すみません、処理中にこちら側で問題が起きました。あなたの操作が原因ではありません。少ししてからもう一度お試しください。",
  "interactions.malformed": ({ problem }) =>
    `このインタラクションを読み取れませんでした：${problem}。`,
  "interactions.shape.notJson": () => "本文が JSON オブジェクトではありません",
  "interactions.shape.unknownType": ({ type }) => `不明なインタラクション種別 ${type}`,
  "interactions.shape.notList": ({ field }) => `${field} がリストではありません`,
  "interactions.shape.tooMany": ({ field, max }, f) =>
    `${field} の項目が ${f.number(max)} 個を超えています`,
  "interactions.shape.tooDeep": ({ field, max }, f) =>
    `${field} の入れ子が ${f.number(max)} 段を超えています`,
  "interactions.shape.notObject": ({ field }) => `${field} がオブジェクトではありません`,
  "interactions.shape.notShortString": ({ field }) => `${field} が短い文字列ではありません`,
  "interactions.shape.notInteger": ({ field }) => `${field} が整数ではありません`,
  "interactions.shape.tooLong": ({ field, max }, f) =>
    `${field} が ${f.number(max)} 文字を超えています`,
  "interactions.shape.notScalar": ({ field }) =>
    `${field} が文字列・数値・真偽値のいずれでもありません`,
  "interactions.shape.noUser": () => "ユーザーが示されていません（member.user または user）",
  "interactions.shape.notSnowflake": ({ field }) => `${field} が snowflake ではありません`,
  "interactions.shape.missing": ({ field }) => `${field} がありません`,
  "interactions.shape.badCustomId": ({ field, max }, f) =>
    `${field} が 1〜${f.number(max)} 文字の文字列ではありません`,
  "interactions.whoSent": () => "⚠️ このコマンドを誰が送ったのか分かりません。",
  "interactions.whoPressed": () => "⚠️ 誰が押したのか分かりません。",
  "interactions.optionsRejected": ({ problem }) => `⚠️ ${problem} 何も開始されていません。`,
  "interactions.startFailed": () =>
    "すみません、今は開始できませんでした（何も開始されていません）。1 分ほどしてからもう一度お試しください。",
  "interactions.cannotDeliver": ({ estimateMs, installUrl }, f) =>
    [
      `⚠️ この実行には約 ${f.duration(estimateMs)} かかり、Discord の 15 分の応答時間を超えます。さらにこのチャンネルには投稿できないため、結果をここに届けられません。何も開始されていません。`,
      `サーバー管理者が必要な権限付きで追加できます：${installUrl}`,
      "もっと短い実行（例：浅い深さ）にするか、私が投稿できるチャンネルで使ってください。",
    ].join("\n"),
  "interactions.notify.on": () =>
    "🔔 結果の準備ができるたびに、通常の配信に加えて DM でお知らせします。",
  "interactions.notify.off": () =>
    "🔕 結果の準備ができても DM は送りません（結果はこれまでどおり配信されます）。",
  "interactions.notify.badState": () => "⚠️ `状態` は `オン` か `オフ` にしてください。",
  "interactions.callback.notInServer": () =>
    "⚠️ コールバックはサーバーごとの設定です。サーバー内でこのコマンドを使ってください。",
  "interactions.callback.notAdmin": () =>
    "🚫 コールバックを変更できるのは「サーバー管理」権限を持つメンバーだけです。",
  "interactions.callback.cleared": () =>
    "コールバックを解除しました。完了したワークフローはどこにも送信されません。",
  "interactions.callback.usage": () =>
    "⚠️ `/callback 設定 url:` か `/callback 解除` を使ってください。",
  "interactions.callback.urlLength": ({ max }, f) =>
    `⚠️ \`url\` は 1〜${f.number(max)} 文字にしてください。`,
  "interactions.callback.urlRefused": ({ reason }) =>
    `⚠️ その URL にはコールバックを送信できません：${reason}。`,
  "interactions.callback.noEncryptionKey": () =>
    "⚠️ このボットはまだコールバックのシークレットを保存できません（運営者が DATA_ENCRYPTION_KEY を設定していません）。",
  "interactions.callback.set": ({ url, secret, graceMs }, f) =>
    [
      `✅ このサーバーで完了したワークフローは、Standard Webhooks 仕様で署名された JSON として ${url} へ POST されます（\`webhook-id\`、\`webhook-timestamp\`、\`webhook-signature\`。任意の standardwebhooks ライブラリで検証できます）。`,
      `署名シークレット（表示は一度だけ。コマンドをもう一度実行すると更新され、古いシークレットも ${f.duration(graceMs)} のあいだ併せて署名します）：`,
      `||${secret}||`,
    ].join("\n"),
  "interactions.status.queued": () => "待機中",
  "interactions.status.running": () => "実行中",
  "interactions.workflows.none": () => "実行中または最近のワークフローはありません。",
  "interactions.workflows.running": () => "**実行中**",
  "interactions.workflows.recent": () => "**最近**",
  "interactions.workflows.stage": ({ current, total }, f) =>
    `ステージ ${f.number(current)}/${f.number(total)}`,
  "interactions.workflows.elapsed": ({ ms }, f) => `${f.duration(ms)} 経過`,
  "interactions.workflows.windowClosed": () => "応答期間は終了",
  "interactions.workflows.windowLeft": ({ ms }, f) => `応答期間の残り ${f.duration(ms)}`,
  "interactions.workflows.progressVia": ({ route }) => `進捗は ${route} で表示`,
  "interactions.workflows.deliveredVia": ({ route }) => `${route} で配信済み`,
  "interactions.workflows.notDelivered": () => "未配信（保管中）",
  "interactions.workflows.pickPlaceholder": () =>
    "ワークフローを選ぶと、キャンセルしたり結果を見たりできます",
  "interactions.workflows.idLine": ({ id }) => `-# ワークフロー ${id}`,
  "interactions.workflows.cancelButton": () => "キャンセル",
  "interactions.workflows.showResultButton": () => "結果を表示",
  "interactions.workflows.runAgainButton": () => "もう一度実行",
  "interactions.workflows.unknownPick": () => "⚠️ 何が選ばれたのか分かりません。",
  "interactions.workflows.pickGone": () =>
    "そのワークフローはもう一覧にありません。`/ワークフロー` をもう一度実行してください。",
  "interactions.cancel.notFound": () => "⚠️ そのワークフローが見つかりません。",
  "interactions.cancel.notOwner": () =>
    "🚫 このワークフローをキャンセルできるのは、開始した本人だけです。",
  "interactions.cancel.finished": () => "このワークフローはすでに終了しています。",
  "interactions.cancel.cancelling": () =>
    "🛑 キャンセル中… 現在のステップが終わるとワークフローは停止します。",
  "interactions.cancel.cancellingButton": () => "キャンセル中…",
  "interactions.rerun.notOwner": () =>
    "🚫 このワークフローをもう一度実行できるのは、開始した本人だけです。",
  "interactions.rerun.notRetryable": () =>
    "再試行できるのは、失敗またはタイムアウトしたワークフローだけです。「もう一度実行」を使ってください。",
  "interactions.rerun.stagesGone": () =>
    "⚠️ このワークフローの保存済みステージは期限切れです。コマンドをもう一度実行してください。",
  "interactions.rerun.unknownWorkflow": () => "⚠️ このボットにはそのコマンドがもうありません。",
  "interactions.rerun.noOptions": () =>
    "⚠️ この結果は古すぎて繰り返せません。ご自身でコマンドをもう一度実行してください。",
  "interactions.rerun.noLighterRun": () => "⚠️ このワークフローには軽い実行がありません。",
};
