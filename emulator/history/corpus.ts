// What seeded messages are made of: people, everyday text, and the hostile text an export must
// survive (markup, spreadsheet formulas, mass mentions, markdown that breaks out of its span).

export type SeedAuthor = {
  id: string;
  username: string;
  global_name: string | null;
  avatar: string | null;
  bot: boolean;
};

const AVATAR = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

function author(n: number, username: string, globalName: string | null, bot = false): SeedAuthor {
  const id = (300000000000000000n + BigInt(n)).toString();
  // Every third person has an avatar hash; the rest show Discord's default avatar.
  return { id, username, global_name: globalName, avatar: n % 3 === 0 ? AVATAR : null, bot };
}

/** Twenty people: the first may ping @everyone, the last is a bot (not the emulated app). */
export const AUTHORS: readonly SeedAuthor[] = [
  author(1, "admin.alice", "Alice (admin)"),
  author(2, "bob", null),
  author(3, "carol_92", "Carol ✨"),
  author(4, "dave", "**Dave** the _bold_"),
  author(5, "eve", "<script>alert('eve')</script>"),
  author(6, "frank", 'Frank & "Friends" <b>'),
  author(7, "hanako", "山田 花子"),
  author(8, "yusuf", "يوسف"),
  author(9, "zoe", "Zoë 🦊"),
  author(10, "mallory", '=HYPERLINK("http://evil.test","x")'),
  author(11, "grace", "`grace`"),
  author(12, "heidi", "Heidi ||spoiler||"),
  author(13, "ivan", "Иван"),
  author(14, "judy", "judy\u202Eevil"),
  author(15, "ken", "ken@everyone"),
  author(16, "leo", null),
  author(17, "mia", "Mia 👩🏽‍💻"),
  author(18, "noah", "Noah, Jr."),
  author(19, "olivia", "Olivia\nNewline"),
  author(20, "helper-bot", "Helper Bot", true),
];

export const ROLE_IDS: readonly string[] = ["400000000000000001", "400000000000000002"];

export const WORDS: readonly string[] =
  "the a release build deploy queue worker export channel message today tomorrow please check this that review merge fix bug test green red coffee lunch meeting notes link file image thanks again great idea maybe later soon done waiting on it".split(
    " ",
  );

export const MARKDOWN: readonly string[] = [
  "**bold** and *italic* and __underline__ and ~~struck~~",
  "||a spoiler|| between words",
  "inline `code()` here",
  "```ts\nconst x: number = 1;\nconsole.log(x < 2 && x > 0);\n```",
  "> a quote\n> over two lines",
  ">>> a block quote\nthat runs on",
  "# A heading\nthen text",
  "-# small subtext",
  "- one\n- two\n  - nested",
  "1. first\n2. second",
  "[a masked link](https://example.com/path?q=1&r=2)",
  "see https://example.com/page and <https://example.org/no-embed>",
  "<t:1700000000:R> and <t:1700000000:F>",
  "custom emoji <:blobwave:500000000000000001> and animated <a:party:500000000000000002>",
  "***bold italic*** __*under italic*__ ~~**struck bold**~~",
];

export const UNICODE: readonly string[] = [
  "こんにちは、世界！今日はいい天気ですね。",
  "絵文字 🎉🔥👍🏽 and ZWJ 👨‍👩‍👧‍👦 family",
  "مرحبا بالعالم — نص من اليمين إلى اليسار",
  "שלום עולם with mixed English",
  "Ünïcödé: ñ, ç, ø, ß, é, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, z̴̡a̸l̷g̶o̵",
  "Кириллица и Ελληνικά",
];

/** Mixed in at a fixed rate, every entry in every long enough stretch of history. */
export const HOSTILE: readonly string[] = [
  "<script>alert(document.cookie)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "</div></body></html><!--",
  "=cmd|' /C calc'!A0",
  "+SUM(1,2)",
  "-2+3",
  "@SUM(A1:A2)",
  '=HYPERLINK("http://evil.test","click")',
  'quotes "inside", commas, and\nnewlines\r\nin one cell',
  "@everyone look at this",
  "@here urgent",
  "```\nunclosed code block",
  "**unclosed bold",
  "||unclosed spoiler",
  "\\*not italic\\* \\`not code\\`",
  "[evil](javascript:alert(1))",
  "<@&400000000000000001> role ping in text",
  "&lt;b&gt; already escaped &amp; entities &#x3C;",
  "\u0000nul\u0007bell\u001bescape\u200bzero-width",
  "a\u202Eevil\u202C reversed",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection text, kept literal
  "${7*7} {{7*7}} <%= 7*7 %>",
];

export const FILES: readonly {
  filename: string;
  content_type: string;
  width?: number;
  height?: number;
}[] = [
  { filename: "screenshot.png", content_type: "image/png", width: 1280, height: 720 },
  { filename: "photo.jpg", content_type: "image/jpeg", width: 4032, height: 3024 },
  { filename: "report.pdf", content_type: "application/pdf" },
  { filename: "notes.txt", content_type: "text/plain; charset=utf-8" },
  { filename: "clip.mp4", content_type: "video/mp4", width: 1920, height: 1080 },
  { filename: "data <1>.csv", content_type: "text/csv" },
  { filename: "日本語のファイル.zip", content_type: "application/zip" },
];

export const UNICODE_EMOJI: readonly string[] = ["👍", "❤️", "😂", "🎉", "👀", "🇯🇵"];

export const CUSTOM_EMOJI: readonly { id: string; name: string; animated: boolean }[] = [
  { id: "500000000000000001", name: "blobwave", animated: false },
  { id: "500000000000000002", name: "party", animated: true },
];

export const THREAD_NAMES: readonly string[] = [
  "Release planning",
  "bug: export stalls",
  "雑談",
  "<b>not bold</b> thread",
  "=1+1 thread",
];
