import type { Translation } from "../../catalog-types.ts";
import type { Formatters } from "../../formatters.ts";
import { discordTime, type results as english } from "../en/results.ts";

const pressAgain = (runAgain: boolean) =>
  runAgain ? "**もう一度実行**を押してください。" : "コマンドをもう一度実行してください。";
const retryFirst = (retry: boolean) =>
  retry ? "**再試行**を押すと、最後に完了した段階の後から続行できます。" : "";
const days = (count: number, f: Formatters) => f.count(count, { other: "{n}日間" });

export const results: Translation<typeof english> = {
  "results.title.completed": ({ title }) => `✅ ${title}が完了しました`,
  "results.title.failed": ({ title }) => `❌ ${title}が失敗しました`,
  "results.title.cancelled": ({ title }) => `🛑 ${title}はキャンセルされました`,
  "results.title.timedOut": ({ title }) => `⌛ ${title}がタイムアウトしました`,
  "results.status.completed": () => "完了",
  "results.status.failed": () => "失敗",
  "results.status.cancelled": () => "キャンセル",
  "results.status.timedOut": () => "タイムアウト",
  "results.footer": ({ workflowId }) => `ワークフロー ${workflowId}`,
  "results.next.failed": ({ retry, runAgain, lighter }) =>
    `**次にできること：** ${retryFirst(retry)}${lighter ? `${runAgain ? "**もう一度実行**" : "コマンドの再実行"}か、軽い実行として**${lighter}**を選んでください。` : pressAgain(runAgain)}同じように失敗する場合は、添付のレポートで止まった箇所を確認できます。`,
  "results.next.timedOut": ({ retry, runAgain, lighter }) =>
    `**次にできること：** 完了した分は添付されています。${retryFirst(retry)}${lighter ? `**${lighter}**を試すか、` : "より小さなジョブを試すか、"}${pressAgain(runAgain)}`,
  "results.next.cancelled": ({ runAgain }) =>
    `**次にできること：** 最初からやり直すには、${pressAgain(runAgain)}`,
  "results.button.retry": () => "再試行",
  "results.button.runAgain": () => "もう一度実行",
  "results.finding.name": ({ title, total }, f) => `${title}（${f.number(total)}件）`,
  "results.finding.foundOn": ({ where }) => `検出場所 ${where}`,
  "results.finding.more": ({ count }, f) => `…ほか${f.number(count)}件は report.md に記載`,
  "results.files.reportAttached": () =>
    "📎 完全なレポートを添付しました：読む用の **report.md** と、生データの **result.json** です。",
  "results.files.reportTooLarge": ({ command }) =>
    `完全なレポートは大きすぎてここに添付できません。${command} で取得してください。`,
  "results.files.reportNoLinks": () =>
    "完全なレポートは大きすぎてここに添付できず、このボットにはダウンロードリンクが設定されていません（運営者は LINK_SIGNING_SECRET と PUBLIC_BASE_URL を設定できます）。",
  "results.files.attached": ({ name }) => `📎 **${name}** を添付しました。`,
  "results.files.linked": ({ name, limit, url, expiresAt }, f) =>
    `📥 **${name}** はここで送れるファイルの上限（${f.bytes(limit)}）を超えています：[ダウンロード](${url})（リンクの有効期限：${discordTime(expiresAt, "f")}）。`,
  "results.files.unavailable": ({ name, limit }, f) =>
    `⚠️ **${name}** はここで送れるファイルの上限（${f.bytes(limit)}）を超えており、このボットにはダウンロードリンクが設定されていません。`,
  "results.files.listed": ({ count }, f) =>
    f.count(count, {
      other:
        "🗂️ ほかに{n}個のファイルがあります：**files.md** にすべてのファイルとリンクを記載しています。",
    }),
  "results.fileList.heading": () => "# この結果のファイル",
  "results.fileList.linked": ({ name, url, size }, f) => `- [${name}](${url})（${f.bytes(size)}）`,
  "results.fileList.unlinked": ({ name, size }, f) => `- ${name}（${f.bytes(size)}、リンクなし）`,
  "results.fallbackSummary": () =>
    "レポートを作成できませんでした。各段階の生の出力を添付しています。",
  "results.notify.ready": ({ title, input, status, summary, command }) =>
    `🔔 ${input} の **${title}** の結果が準備できました（${status}）。${summary}\n${command} でいつでも取得できます。`,
  "results.retrieve.notFound": ({ days: kept }, f) =>
    `その ID の結果が見つかりません。結果は${days(kept, f)}保存されます。ID を付けずに \`/retrieve_results\` を実行すると、あなたの結果を一覧できます。`,
  "results.retrieve.gone": ({ days: kept }, f) =>
    `⚠️ その結果はもう見つかりません。結果の保存期間は${days(kept, f)}です。`,
  "results.list.none": () => "保存された結果はまだありません。",
  "results.list.heading": () => "最近の結果（新しい順）：",
  "results.list.line": ({ id, command, input, status, createdAt, delivered }) =>
    `• ${id} ${command} · ${input} · ${status} · ${discordTime(createdAt, "R")}${delivered ? "" : " · 未配信"}`,
  "results.list.fetchOne": ({ command }) => `${command} で取得できます。`,
  "results.exhausted": ({ command, workflowId, attempts, days: kept, retrieve }, f) =>
    `📭 ${command} ワークフロー（${workflowId}）の結果を届けられませんでした。さらに${f.count(attempts, { other: "{n}回" })}試しましたが、再試行を終了しました。\n結果は${days(kept, f)}保存されます：${retrieve} を実行して取得してください。`,
  "results.fileReplyFailed": () =>
    "⚠️ 申し訳ありません、ここに送信できませんでした。あなたの操作が原因ではありません。もう一度コマンドを実行してください。",
  "results.download.disabled": () => "このボットではダウンロードリンクが有効になっていません。",
  "results.download.missing": () => "このダウンロードリンクには署名がありません。",
  "results.download.malformed": () => "このダウンロードリンクの署名が壊れています。",
  "results.download.invalid": () => "このダウンロードリンクは無効です（改変されています）。",
  "results.download.expired": () =>
    "このダウンロードリンクは期限切れです。ファイルはリンクの有効期限より長くは保存されません。",
  "results.download.gone": () => "このファイルはもう保存されていません。",
};
