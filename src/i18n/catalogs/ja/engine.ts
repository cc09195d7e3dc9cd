import type { Translation } from "../../catalog-types.ts";
import type { engine as english } from "../en/engine.ts";

const ITEMS = { other: "{n}件" };

export const engine: Translation<typeof english> = {
  "engine.cancelButton": () => "キャンセル",
  "engine.liveViewButton": () => "ライブビュー",
  "engine.workflowFallbackTitle": () => "ワークフロー",
  "engine.progressLine": ({ fraction, stage, stages }, f) =>
    `${f.percent(fraction)} · ステージ ${f.number(stage)}/${f.number(stages)}`,
  "engine.progressLineLabelled": ({ fraction, stage, stages, label }, f) =>
    `${f.percent(fraction)} · ステージ ${f.number(stage)}/${f.number(stages)}：${label}`,
  "engine.clockReplyWindowOpen": ({ elapsedMs, leftMs }, f) =>
    `経過時間 ${f.duration(elapsedMs)} · 応答期限まで残り ${f.duration(leftMs)}`,
  "engine.clockReplyWindowClosed": ({ elapsedMs }, f) =>
    `経過時間 ${f.duration(elapsedMs)} · Discordの応答期限が過ぎました。進捗は引き続きここに表示されます`,
  "engine.endedCompleted": () => "✅ 完了しました。結果は別のメッセージでお届けしました。",
  "engine.endedFailed": () => "❌ 失敗しました。",
  "engine.endedCancelled": () => "🛑 開始した人によってキャンセルされました。",
  "engine.endedTimedOut": () =>
    "⌛ 時間切れになりました。途中までの結果を別のメッセージでお届けしました。",
  "engine.workflowFooter": ({ workflowId }) => `-# ワークフロー ${workflowId}`,
  "engine.startNotice": ({ estimateMs, retrieveCommand }, f) =>
    `完了まで約${f.duration(estimateMs)}かかり、Discordの15分間の応答期限を超えます。期限が切れる前に進捗はこのチャンネルの新しいメッセージに移り、結果はここ、チャンネル、またはDMでお届けします。${retrieveCommand} でいつでも取得できます。`,
  "engine.replyWindowWarning": ({ leftMs, retrieveCommand }, f) =>
    `⏳ このコマンドに対するDiscordの応答期限まで、あと${f.duration(leftMs)}です。ワークフローは実行を続けます。進捗は新しいメッセージで引き続き表示され、結果もお届けします（${retrieveCommand} でも取得できます）。`,
  "engine.noRouteWarning": () =>
    "⚠️ このチャンネルには投稿できません。15分以上かかった場合、結果は `/retrieve_results` で受け取れます（DMでの送信も試みます）。",
  "engine.handoffPointer": ({ link }) => `➡️ 進捗はこちらで続きます：${link}`,
  "engine.deadlineExtended": ({ stepMs, until, final }, f) =>
    `⏱️ 処理が進んでいるため、制限時間を${f.duration(stepMs)}延長しました（${until}まで${final ? "、これ以上は延長できません" : ""}）。`,
  "engine.deadlineExtendedLabelled": ({ stepMs, until, final, label }, f) =>
    `⏱️ 処理が進んでいるため（${label}）、制限時間を${f.duration(stepMs)}延長しました（${until}まで${final ? "、これ以上は延長できません" : ""}）。`,
  "engine.deadlineWarning": ({ leftMs, at }, f) =>
    `⏳ 制限時間まであと${f.duration(leftMs)}（${at}）。その時点までの結果を途中結果としてお届けします。`,
  "engine.resumedNotice": () => "🔄 アップデート後に再開しました。失われたものはありません。",
  "engine.waitingForWorkerLabel": () => "空きワーカーを待っています",
  "engine.cancelledByOwner": () => "開始した人によってキャンセルされました。",
  "engine.stageFailed": ({ stage, error }) => `ステージ「${stage}」が失敗しました：${error}`,
  "engine.stageGaveUp": ({ stage }) =>
    `ステージ「${stage}」は失敗を繰り返したため、最後の再試行の後に中止しました。`,
  "engine.stageUnresponsive": ({ stage, times }, f) =>
    `ステージ「${stage}」が${f.count(times, { other: "{n}回" })}応答しなくなったため、中止しました。`,
  "engine.timedOut": ({ limitMs, stage }, f) =>
    `「${stage}」の実行中に制限時間（${f.duration(limitMs)}）に達したため停止しました。これは途中までの結果です。再試行ボタンを押すと、最後に完了したステージの続きから再開します。`,
  "engine.kindRemoved": ({ kind }) =>
    `このボットは「${kind}」ワークフローを実行しなくなりました（アップデートで削除されました）。それまでに完了した分は結果に含まれています。`,
  "engine.stageRemoved": ({ stage }) =>
    `このワークフローは以前のバージョンのボットで開始されましたが、そのステージ「${stage}」は現在存在しません。それまでに完了した分は結果に含まれています。`,
  "engine.accessViewChannel": () =>
    "そのチャンネルを閲覧できません。そのチャンネルでボットに「チャンネルを見る」権限を付与してから、もう一度実行してください。",
  "engine.accessReadHistory": () =>
    "そのチャンネルは見えますが、履歴を読めません。そのチャンネルでボットに「メッセージ履歴を読む」権限を付与してから、もう一度実行してください。",
  "engine.accessUnknownChannel": () =>
    "そのチャンネルは存在しません（または、ボットがそのサーバーに追加されていません）。",
  "engine.quotaRunningItem": ({ workflowId, command, startedAt }) =>
    `• ${workflowId} ${command} · ${startedAt}に開始`,
  "engine.quotaUserRunning": ({ count, list }, f) =>
    `⏸️ 実行中のワークフローがすでに${f.count(count, ITEMS)}あり、上限に達しています。何も開始されていません。${list}\n進捗メッセージのキャンセルボタンか \`/workflows\` でどれかをキャンセルするか、どれかが完了するのを待ってから、もう一度コマンドを実行してください。`,
  "engine.quotaServerRunning": ({ limit }, f) =>
    `⏸️ このサーバーではすでに上限の${f.count(limit, ITEMS)}のワークフローが実行中です。何も開始されていません。どれかが完了すると枠が空きます。数分後にもう一度お試しください。`,
  "engine.quotaGlobalRunning": ({ limit }, f) =>
    `⏸️ ボットは同時に実行できる上限（全員合わせて${f.count(limit, ITEMS)}）のワークフローを実行中です。何も開始されていません。どれかが完了すると枠が空きます。数分後にもう一度お試しください。`,
  "engine.quotaDailyRuns": ({ mine, limit, refillsAt }, f) =>
    `⏸️ ${mine ? "あなた" : "このサーバー"}の1日あたりの実行枠（${f.count(limit, { other: "{n}回" })}）を使い切りました。何も開始されていません。${refillsAt}に回復します。それまでは \`/retrieve_results\` で以前の結果を取得できます。`,
  "engine.quotaDailyRunsNoRefill": ({ mine, limit }, f) =>
    `⏸️ ${mine ? "あなた" : "このサーバー"}の1日あたりの実行枠（${f.count(limit, { other: "{n}回" })}）を使い切りました。何も開始されていません。以前の実行が1日の枠から外れるにつれて回復します。それまでは \`/retrieve_results\` で以前の結果を取得できます。`,
  "engine.quotaRequestsOverBudget": ({ mine, needed, limit }, f) =>
    `⏸️ この実行ではウェブサイトへのリクエストが最大${f.count(needed, ITEMS)}になり、${mine ? "あなた" : "このサーバー"}の1日の予算全体（${f.count(limit, ITEMS)}）を超えます。何も開始されていません。より軽い実行（たとえば浅い深さ）を選んでください。`,
  "engine.quotaRequestsLeft": ({ mine, needed, limit, left, refillsAt }, f) =>
    `⏸️ この実行ではウェブサイトへのリクエストが最大${f.count(needed, ITEMS)}になりますが、${mine ? "あなた" : "このサーバー"}の1日の予算${f.count(limit, ITEMS)}のうち残りは${f.count(left, ITEMS)}のため、何も開始されていません。${refillsAt}に十分な量が回復します。今すぐなら、必要なリクエストが${f.count(left, ITEMS)}以下の軽い実行（たとえば浅い深さ）が可能です。`,
  "engine.startFailed": () =>
    "⚠️ 申し訳ありません、開始できませんでした（何も開始されていません）。1分ほどしてからもう一度お試しください。",
};
