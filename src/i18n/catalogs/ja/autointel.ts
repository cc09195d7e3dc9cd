import { DEPTHS } from "../../../workflows/autointel/accepted.ts";
import type { Translation } from "../../catalog-types.ts";
import type { autointel as english } from "../en/autointel.ts";
import { autointelReport } from "./autointel-report.ts";

const URL = "アドレス";
const DEPTH = "深さ";

export const autointel: Translation<typeof english> = {
  ...autointelReport,
  "autointel.title": () => "サイト分析",
  "autointel.command.description": () =>
    "Web ページを分析してサイトをクロールします。deep は Discord の 15 分を超えて続きます",
  "autointel.option.url": () => URL,
  "autointel.option.url.description": () => "分析するページ（http:// または https://）",
  "autointel.option.depth": () => DEPTH,
  "autointel.option.depth.description": () => "サイトをどこまでクロールするか（既定: standard）",
  "autointel.choice.quick": () => "quick: このページとそのリンク",
  "autointel.choice.standard": () => "standard: 最大 10 ページ",
  "autointel.choice.deep": () => "deep: 最大 100 ページ（時間がかかります）",

  "autointel.stage.resolve": () => "アドレスを確認中",
  "autointel.stage.fetch": () => "ページを取得中",
  "autointel.stage.extract": () => "ページを読み取り中",
  "autointel.stage.crawl": () => "サイトをクロール中",
  "autointel.stage.links": () => "リンクを確認中",
  "autointel.stage.summary": () => "要約中",
  "autointel.progress.fetching": ({ url }) => `${url} を取得中`,
  "autointel.progress.robots": () => "robots.txt を読み取り中",
  "autointel.progress.page": ({ page, budget }, f) =>
    `ページをクロール中: ${f.number(page)} / 最大 ${f.number(budget)}`,
  "autointel.progress.link": ({ link, total }, f) =>
    `リンクを確認中: ${f.number(link)} / ${f.number(total)}`,
  "autointel.progress.summary": () => "Workers AI に要約を依頼中",
  "autointel.lighterRun.quick": () => "深さ quick で再実行",
  "autointel.lighterRun.standard": () => "深さ standard で再実行",

  "autointel.error.urlRequired": () => `\`${URL}\` は必須です（例: \`https://example.com/\`）。`,
  "autointel.error.urlTooLong": ({ length, limit }, f) =>
    `\`${URL}\` は ${f.number(length)} 文字あります。上限は ${f.number(limit)} 文字です。`,
  "autointel.error.urlInvalid": () =>
    `\`${URL}\` は有効な Web アドレスではありません。スキームを含めてください（例: \`https://example.com/\`）。`,
  "autointel.error.urlScheme": ({ scheme }) =>
    `\`${URL}\` は http:// か https:// で始まる必要があります（受け取った値: ${scheme}）。`,
  "autointel.error.urlUnsafe": ({ url, reason }) => `${url} は分析しません: ${reason}。`,
  "autointel.error.depth": (_, f) =>
    `\`${DEPTH}\` は ${f.list(DEPTHS.map((depth) => `\`${depth}\``))} のいずれかにしてください。`,

  "autointel.summary.done": (v, f) =>
    `${v.name}: ${f.number(v.pages)} ページをクロール、${f.number(v.links)} 件のリンクを確認、${f.number(v.broken)} 件がリンク切れ。`,
  "autointel.summary.ended": (v) =>
    `${v.name} の分析: ${v.status}${v.error ? `（${v.error}）` : ""}`,
  "autointel.summary.title": ({ title }) => `「${title}」`,

  "autointel.status.completed": () => "完了",
  "autointel.status.failed": () => "失敗",
  "autointel.status.cancelled": () => "キャンセル",
  "autointel.status.timedOut": () => "タイムアウト",
  "autointel.field.startPage": () => "開始ページ",
  "autointel.field.startPage.value": (v, f) =>
    `HTTP ${v.status} · ${f.bytes(v.bytes)} · ${f.number(v.ms)} ms`,
  "autointel.field.words": () => "単語数",
  "autointel.field.words.value": ({ words, minutes }, f) =>
    `${f.number(words)}（約 ${f.number(minutes)} 分で読めます）`,
  "autointel.field.language": () => "言語",
  "autointel.field.language.none": () => "宣言なし",
  "autointel.field.pagesCrawled": () => "クロールしたページ",
  "autointel.field.pagesCrawled.value": ({ pages, budget }, f) =>
    `${f.number(pages)} / 最大 ${f.number(budget)}`,
  "autointel.field.linksChecked": () => "確認したリンク",
  "autointel.field.brokenLinks": () => "リンク切れ",
  "autointel.field.redirects": () => "リダイレクト",
  "autointel.field.imagesWithoutAlt": () => "alt のない画像",
  "autointel.field.topTerms": () => "頻出語",
  "autointel.problem.http": ({ status }) => `HTTP ${status} を返しました`,
  "autointel.problem.unresolved": () => "ホスト名を解決できませんでした",
  "autointel.problem.unconnected": () => "接続できませんでした（拒否または切断）",
  "autointel.problem.tls": () => "TLS ハンドシェイクに失敗しました",
  "autointel.problem.timeout": () => "時間内に応答しませんでした",
  "autointel.problem.unreachable": () => "到達できませんでした",
  "autointel.finding.broken": () => "リンク切れ",
  "autointel.finding.unreached": () => "到達できなかったリンク",
  "autointel.finding.refused": () => "拒否したアドレス（安全でない）",
  "autointel.pageProblem.answered": ({ status }) => `ページは ${status} を返しました。`,
  "autointel.pageProblem.notHtml": ({ type }) =>
    `このページは HTML ページではありません（${type}）。`,
  "autointel.pageProblem.httpError": ({ status }) => `ページは HTTP ${status} を返しました。`,
  "autointel.pageProblem.tooLarge": ({ limit }, f) => `ページが ${f.bytes(limit)} を超えています。`,
  "autointel.pageProblem.refused": ({ reason }) => `このページは取得しません：${reason}。`,
  "autointel.pageProblem.redirectRefused": ({ url, reason }) =>
    `ページは ${url} にリダイレクトしましたが、そこは取得しません：${reason}。`,
  "autointel.pageProblem.timeout": ({ ms }, f) =>
    `ページが ${f.duration(ms)} 以内に応答しませんでした。`,
  "autointel.pageProblem.failed": ({ detail }) => `ページを取得できませんでした（${detail}）。`,
  "autointel.pageProblem.interrupted": () => "ページの取得が中断されました。",
  "autointel.pageProblem.noType": () => "コンテンツタイプなし",
  "autointel.problem.redirectRefused": ({ url, reason }) =>
    `${url} にリダイレクトされ、拒否されました：${reason}`,
};
