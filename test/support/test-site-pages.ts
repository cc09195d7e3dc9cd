// The local test web sites /autointel analyses in tests: their pages as plain data, and the
// truth a correct report must state about them. Pure data (no Node APIs) so the Node server in
// global-setup and the tests in workerd share it.

export type SitePage =
  | { kind: "html"; title: string; lang?: string; head?: string; body: BodyPart[]; status?: number }
  | { kind: "redirect"; status: number; location: string }
  | { kind: "status"; status: number }
  | { kind: "json" }
  | { kind: "huge"; bytes: number; declareLength: boolean }
  | { kind: "slow"; delayMs: number }
  | { kind: "no-head"; title: string; body: BodyPart[] }
  | { kind: "text"; text: string };

/** Visible content: text blocks are counted as words, links and images are markup. */
export type BodyPart =
  | { h: 1 | 2 | 3; text: string }
  | { p: string }
  | { a: string; text: string }
  | { img: string; alt?: string };

export const METADATA_URL = "http://169.254.169.254/latest/meta-data/";
export const PRIVATE_LINK = "http://10.1.2.3/admin";
export const SLOW_PAGE_DELAY_MS = 5000;
export const HUGE_PAGE_BYTES = 3 * 1024 * 1024;

const INDEX_BODY: BodyPart[] = [
  { h: 1, text: "Harbour Lights" },
  {
    p: "Every lighthouse on this coast has a keeper, and every keeper knows the lighthouse lamp by heart.",
  },
  { h: 2, text: "Lamps & lenses" },
  {
    p: "A lighthouse lamp burned oil before electricity came; the lighthouse lens gathered its light.",
  },
  { h: 3, text: "Fresnel lenses" },
  {
    p: "The Fresnel lens made each lighthouse visible for miles — a lighthouse without one was a candle.",
  },
  { h: 2, text: "Keepers" },
  {
    p: "Keepers trimmed the wick at dusk <i>and</i> dawn; the lighthouse log recorded weather and ships.",
  },
  { img: "/img/tower.png", alt: "A white lighthouse tower" },
  { img: "/img/lamp.png" },
  { img: "/img/lens.png" },
  { a: "/about", text: "About us" },
  { a: "guide", text: "Lamp guide" },
  { a: "/about#team", text: "Our team" },
  { a: "/private/keepers", text: "Keepers only" },
  { a: "/missing", text: "A lost page" },
  { a: "/old-guide", text: "Old guide" },
  { a: "/to-metadata", text: "Instance data" },
  { a: "/huge", text: "Huge archive" },
  { a: "/slow", text: "Slow page" },
  { a: "/data.json", text: "Raw data" },
  { a: "/head-refused", text: "Old server" },
  { a: "mailto:keeper@example.com", text: "Write to us" },
  { a: "#top", text: "Back to top" },
  { a: PRIVATE_LINK, text: "Router" },
  { a: "{deep}/", text: "Deep archive" },
  { a: "{deep}/nope", text: "Gone archive" },
];

export const MAIN_SITE: Record<string, SitePage> = {
  "/robots.txt": {
    kind: "text",
    text: "# test site\nUser-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n",
  },
  "/": {
    kind: "html",
    title: "Harbour Lights & Lamps",
    lang: "en",
    head: [
      '<meta name="description" content="A guide to harbour lighthouses &amp; their keepers.">',
      '<meta property="og:title" content="Harbour Lights">',
      '<meta property="og:type" content="website">',
      '<meta property="og:image" content="/img/og.png">',
      '<link rel="canonical" href="/">',
      "<style>.lighthouse { color: red }</style>",
      '<script>var lighthouse = "words in scripts are not prose";</script>',
    ].join("\n"),
    body: INDEX_BODY,
  },
  "/about": {
    kind: "html",
    title: "About the keepers",
    body: [
      { h: 1, text: "About" },
      { p: "We write about each lighthouse we visit." },
      { img: "/img/team.png" },
      { a: "/", text: "Home" },
      { a: "/guide", text: "Guide" },
      { a: "/private/logbook", text: "Logbook" },
    ],
  },
  "/guide": {
    kind: "html",
    title: "Lamp guide",
    body: [
      { h: 1, text: "Lamp guide" },
      { p: "How a lighthouse lamp works." },
      { a: "/guide/lamps", text: "Lamps" },
      { a: "/guide/lenses", text: "Lenses" },
      { a: "/about", text: "About" },
    ],
  },
  "/guide/lamps": { kind: "html", title: "Lamps", body: [{ p: "Oil and electric lamps." }] },
  "/guide/lenses": { kind: "status", status: 410 },
  "/old-guide": { kind: "redirect", status: 301, location: "/guide" },
  "/missing": { kind: "status", status: 404 },
  "/to-metadata": { kind: "redirect", status: 302, location: METADATA_URL },
  "/huge": { kind: "huge", bytes: HUGE_PAGE_BYTES, declareLength: true },
  "/huge-stream": { kind: "huge", bytes: HUGE_PAGE_BYTES, declareLength: false },
  "/slow": { kind: "slow", delayMs: SLOW_PAGE_DELAY_MS },
  "/data.json": { kind: "json" },
  "/head-refused": {
    kind: "no-head",
    title: "Old server",
    body: [{ p: "This server refuses HEAD." }],
  },
  "/loop": { kind: "redirect", status: 302, location: "/loop" },
  "/private/keepers": {
    kind: "html",
    title: "Private",
    body: [{ p: "Robots must not read this." }],
  },
  "/private/logbook": {
    kind: "html",
    title: "Private",
    body: [{ p: "Robots must not read this." }],
  },
};

export const DEEP_SECTIONS = 5;
export const DEEP_PAGES_PER_SECTION = 7;
export const DEEP_CRAWL_DELAY_SECONDS = 0.25;

function deepSite(): Record<string, SitePage> {
  const sections = Array.from({ length: DEEP_SECTIONS }, (_, i) => i + 1);
  const pages: Record<string, SitePage> = {
    "/robots.txt": {
      kind: "text",
      text: `User-agent: *\nCrawl-delay: ${DEEP_CRAWL_DELAY_SECONDS}\nDisallow: /nowhere/\n`,
    },
    "/": {
      kind: "html",
      title: "Deep archive",
      lang: "en",
      body: [
        { h: 1, text: "Deep archive" },
        { p: "An archive of tide tables." },
        ...sections.map((s) => ({ a: `/section/${s}`, text: `Section ${s}` })),
      ],
    },
  };
  for (const s of sections) {
    const children = Array.from({ length: DEEP_PAGES_PER_SECTION }, (_, j) => j + 1);
    pages[`/section/${s}`] = {
      kind: "html",
      title: `Section ${s}`,
      body: [
        { h: 1, text: `Section ${s}` },
        { a: "/", text: "Home" },
        ...children.map((j) => ({ a: `/section/${s}/page/${j}`, text: `Tide table ${j}` })),
      ],
    };
    for (const j of children) {
      pages[`/section/${s}/page/${j}`] = {
        kind: "html",
        title: `Tide table ${s}.${j}`,
        body: [
          { p: `High water and low water for harbour ${s}, week ${j}.` },
          { a: "/", text: "Home" },
        ],
      };
    }
  }
  return pages;
}

export const DEEP_SITE = deepSite();
export const DEEP_SITE_PAGE_COUNT = 1 + DEEP_SECTIONS * (1 + DEEP_PAGES_PER_SECTION);

// --- Truth: what a correct analysis states, computed from the plain data above. ----------------

function visibleText(body: BodyPart[]): string[] {
  return body.flatMap((part) => {
    if ("h" in part) return [part.text];
    if ("p" in part) return [part.p.replace(/<[^>]+>/g, "")];
    if ("a" in part) return [part.text];
    return [];
  });
}

function words(texts: string[]): string[] {
  return texts.flatMap((text) => text.split(/\s+/)).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

const indexWords = words(visibleText(INDEX_BODY));

export const MAIN_TRUTH = {
  title: "Harbour Lights & Lamps",
  description: "A guide to harbour lighthouses & their keepers.",
  lang: "en",
  openGraph: { "og:title": "Harbour Lights", "og:type": "website", "og:image": "/img/og.png" },
  headings: INDEX_BODY.flatMap((part) => ("h" in part ? [{ level: part.h, text: part.text }] : [])),
  wordCount: indexWords.length,
  lighthouseCount: indexWords.filter((w) => /^lighthouse\W*$/i.test(w)).length,
  imagesOnIndex: 3,
  imagesWithoutAltOnIndex: ["/img/lamp.png", "/img/lens.png"],
  /** Standard depth (10 pages): what the crawl and the link check find. */
  standard: {
    pagesCrawled: 10,
    htmlPages: ["/", "/about", "/guide", "/head-refused"],
    broken: ["/missing", "/slow", "/guide/lenses", "{deep}/nope"],
    refused: ["/to-metadata", PRIVATE_LINK],
    redirected: ["/old-guide"],
    skippedByRobots: ["/private/keepers"],
    linksCheckedByLinkStage: 5,
    linksChecked: 14,
    linksFound: 16,
    imagesWithoutAlt: 3,
  },
  /** Quick depth (the start page only): every link of the start page is checked. */
  quick: {
    pagesCrawled: 1,
    broken: ["/missing", "/slow", "{deep}/nope"],
    refused: ["/to-metadata", PRIVATE_LINK],
    redirected: ["/old-guide"],
    linksChecked: 12,
    skippedByRobots: 1,
  },
};

/** Escapes text for HTML, so the extractor has entities to decode. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function renderHtml(
  page: { title: string; lang?: string; head?: string; body: BodyPart[] },
  deepOrigin: string,
): string {
  const body = page.body.map((part) => {
    if ("h" in part) return `<h${part.h}>${escapeHtml(part.text)}</h${part.h}>`;
    // Paragraphs may hold inline markup on purpose (<i>); the rest of the text is escaped.
    if ("p" in part)
      return `<p>${part.p
        .split(/(<\/?i>)/)
        .map((s) => (/^<\/?i>$/.test(s) ? s : escapeHtml(s)))
        .join("")}</p>`;
    if ("a" in part)
      return `<a href="${escapeHtml(part.a.replace("{deep}", deepOrigin))}">${escapeHtml(part.text)}</a>`;
    return part.alt === undefined
      ? `<img src="${part.img}">`
      : `<img src="${part.img}" alt="${escapeHtml(part.alt)}">`;
  });
  const lang = page.lang ? ` lang="${page.lang}"` : "";
  return `<!doctype html>\n<html${lang}>\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(page.title)}</title>\n${page.head ?? ""}\n</head>\n<body>\n${body.join("\n")}\n</body>\n</html>\n`;
}
