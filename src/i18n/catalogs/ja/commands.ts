import type { Translation } from "../../catalog-types.ts";
import type { commands as english } from "../en/commands.ts";

export const commands: Translation<typeof english> = {
  "commands.ping.description": () => "ボットが動いているか、応答の速さを確認します",
  "commands.retrieveResults.name": () => "結果を取得",
  "commands.retrieveResults.description": () =>
    "ワークフローの結果を取得するか、最近の結果を一覧表示します",
  "commands.retrieveResults.workflowId.name": () => "ワークフローid",
  "commands.retrieveResults.workflowId.description": () =>
    "どのワークフローか（入力すると最近の結果から選べます）",
  "commands.workflows.name": () => "ワークフロー",
  "commands.workflows.description": () =>
    "実行中と最近のワークフロー。キャンセルや結果の取得ボタン付き",
  "commands.notify.name": () => "通知",
  "commands.notify.description": () => "結果が準備できるたびにDMで知らせます",
  "commands.notify.state.name": () => "状態",
  "commands.notify.state.description": () => "オンまたはオフ",
  "commands.notify.state.on": () => "オン",
  "commands.notify.state.off": () => "オフ",
  "commands.callback.description": () =>
    "このサーバーで完了したワークフローをURLへ送信します（サーバー管理）",
  "commands.callback.set.name": () => "設定",
  "commands.callback.set.description": () =>
    "完了したワークフローをこのURLへPOSTします（HMAC-SHA256で署名）",
  "commands.callback.url.description": () => "送信先のアドレス（https://…）",
  "commands.callback.clear.name": () => "解除",
  "commands.callback.clear.description": () => "完了したワークフローの送信をやめます",
  "commands.language.name": () => "言語",
  "commands.language.description": () =>
    "このワークフローの公開メッセージの言語（既定：サーバーの言語）",
  "commands.language.server": () => "サーバーの言語",
  "commands.language.mine": () => "自分の言語",
};
