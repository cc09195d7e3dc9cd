import type { Translation } from "../../catalog-types.ts";
import type { autointelReport as english } from "../en/autointel-report.ts";

export const autointelReport: Translation<typeof english> = {
  "autointel.report.title": ({ url }) => `# サイト分析: ${url}`,
  "autointel.report.meta": (v) =>
    `深さ: ${v.depth} · 状態: ${v.status}${v.error ? ` · ${v.error}` : ""}`,
  "autointel.report.summary": () => "## 要約",
  "autointel.report.writtenBy": ({ model }) => `_${model} が作成しました。_`,
  "autointel.report.keyFigures": () => "## 主な数値",
  "autointel.report.figureHeader": () => "| 項目 | 値 |",
  "autointel.report.pagesCrawled": () => "クロールしたページ",
  "autointel.report.pagesCrawled.value": ({ pages, html }, f) =>
    `${f.number(pages)}（HTML ページ ${f.number(html)} 件を分析）`,
  "autointel.report.linksFound": () => "見つかったリンク",
  "autointel.report.linksChecked": () => "確認したリンク",
  "autointel.report.brokenLinks": () => "リンク切れ",
  "autointel.report.redirectedLinks": () => "リダイレクトされたリンク",
  "autointel.report.refusedLinks": () => "拒否したリンク",
  "autointel.report.refusedUnsafe": () => "拒否したリンク（安全でないアドレス）",
  "autointel.report.imagesWithoutAlt": () => "代替テキストのない画像",

  "autointel.report.startPage": () => "## 開始ページ",
  "autointel.report.address": (v, f) =>
    `- アドレス: ${v.address}${v.hops ? `（${f.number(v.hops)} 回のリダイレクト後: ${v.list}）` : ""}`,
  "autointel.report.answer": (v, f) =>
    `- 応答: HTTP ${v.status}、${v.contentType || "Content-Type なし"}、${f.bytes(v.bytes)}、${f.number(v.ms)} ms`,
  "autointel.report.pageTitle": ({ title }) => `- タイトル: ${title || "（なし）"}`,
  "autointel.report.description": ({ description }) => `- 説明: ${description || "（なし）"}`,
  "autointel.report.language": ({ lang }) => `- 言語: ${lang || "（宣言なし）"}`,
  "autointel.report.canonical": ({ canonical }) => `- 正規 URL: ${canonical || "（なし）"}`,
  "autointel.report.words": ({ words, minutes }, f) =>
    `- 単語数: ${f.number(words)}（約 ${f.number(minutes)} 分で読めます）`,
  "autointel.report.links": (v, f) =>
    `- リンク: Web ページへ ${f.number(v.web)} 件、その他 ${f.number(v.other)} 件（メール、電話など）${v.notKept ? `。さらに ${f.number(v.notKept)} 件は保持していません（1 ページに ${f.number(v.perPage)} 件超、または ${f.number(v.maxLength)} 文字超）` : ""}`,
  "autointel.report.images": ({ images, withoutAlt }, f) =>
    `- 画像: ${f.number(images)} 件、うち代替テキストなし ${f.number(withoutAlt)} 件`,
  "autointel.report.readProblem": ({ problem }) => `- ページの読み取り: ${problem}`,
  "autointel.report.openGraph": () => "### Open Graph メタデータ",
  "autointel.report.propertyHeader": () => "| プロパティ | 値 |",
  "autointel.report.outline": () => "### 見出し構成",
  "autointel.report.imagesWithoutAltHeading": () => "### 代替テキストのない画像",
  "autointel.report.topTerms": () => "## 頻出語",
  "autointel.report.problemHeader": () => "| リンク | 問題 | 掲載ページ |",
  "autointel.report.more": ({ count }, f) =>
    `…ほか ${f.number(count)} 件は result.json にあります。`,

  "autointel.robots.pending": () => "robots.txt はまだ読み取っていません",
  "autointel.robots.read": (v, f) =>
    `robots.txt を読み取りました: 当ボットに適用されるルール ${f.number(v.rules)} 件${v.delaySeconds > v.capSeconds ? `、Crawl-delay ${f.duration(v.delaySeconds * 1000)} の指定を ${f.duration(v.capSeconds * 1000)} に短縮` : v.delaySeconds > 0 ? `、Crawl-delay ${f.duration(v.delaySeconds * 1000)}` : ""}`,
  "autointel.robots.refused": ({ problem }) =>
    `robots.txt を拒否しました（${problem}）。開始ページ以外はクロールしていません`,
  "autointel.robots.missing": ({ status }) =>
    `robots.txt がありません（HTTP ${status}）: すべて許可`,
  "autointel.robots.unreadable": ({ failure }) =>
    `robots.txt を読み取れませんでした（${failure}）。開始ページ以外はクロールしていません`,
  "autointel.page.leftSite": () => "サイト外へリダイレクトします",
  "autointel.page.duplicate": () => "分析済みのページへリダイレクトします",
  "autointel.report.pages": ({ pages, budget }, f) =>
    `## クロールしたページ（${f.number(pages)} / 上限 ${f.number(budget)}）`,
  "autointel.report.pagesHeader": () => "| # | ページ | 状態 | タイトル | 単語数 | 備考 |",
  "autointel.report.pause": ({ ms }, f) => `- サイトへのリクエスト間隔: ${f.duration(ms)}`,
  "autointel.report.robotsDisallowed": ({ list }) =>
    `- robots.txt で禁止されているためクロールしていません: ${list}`,
  "autointel.report.linksDropped": ({ count }, f) =>
    `- さらに ${f.number(count)} 件のリンクは追跡していません（上限に達しました）`,
  "autointel.report.linksTooLong": ({ count, max }, f) =>
    `- ${f.number(max)} 文字を超える ${f.number(count)} 件のリンクはたどっていません`,
  "autointel.report.notChecked": (v, f) =>
    `_上限 ${f.number(v.budget)} 件を超えた ${f.number(v.notChecked)} 件のリンクは確認していません。${f.number(v.skipped)} 件は robots.txt で禁止されているためスキップしました。_`,
  "autointel.report.cappedPerHost": ({ count }, f) =>
    `_${f.number(count)} 件のリンクは、そのホストを 1 回の実行で許される回数まで確認済みのため確認していません（LINK_CHECKS_PER_HOST）。_`,
  "autointel.report.aiSkipped.noBinding": () => "AI バインディングがありません",
  "autointel.report.aiSkipped.noText": () => "Workers AI がテキストを返しませんでした",
  "autointel.report.aiSkipped": ({ reason }) => `_AI による要約は省略しました: ${reason}。_`,
};
