// Pages written to turn the bot's own messages against their readers: markdown links, mentions,
// headings, code fences, subtext and zero-width characters in the title, headings and links,
// and a 100 KB title. Served by the main test site (not linked from its other pages).
import type { SitePage } from "./test-site-pages.ts";

export const HOSTILE_PATH = "/hostile/";

export const HOSTILE_TITLE =
  "[Free Nitro](https://evil.example/login) @everyone Test Site <@123456789012345678> ";

/** What must never render as markup in a message, whatever page text carries it. */
export const HOSTILE_MARKERS = ["**bold**", "[Free Nitro](", "@everyone", "@here", "```"];

// Same-site links that answer 404: they come back as broken-link findings with these URLs.
const HOSTILE_LINKS = [
  "/hostile/[Free](https://evil.example/login)",
  "/hostile/@everyone",
  "/hostile/**bold**",
  "/hostile/`code`",
];

export const HOSTILE_SITE: Record<string, SitePage> = {
  [HOSTILE_PATH]: {
    kind: "html",
    lang: "en",
    title: `${HOSTILE_TITLE}${"[Free\u200bNitro](https://evil.example) ".repeat(2500)}`,
    head: '<meta name="description" content="# Heading\n-# subtext\n> quote @here">',
    body: [
      { h: 1, text: "# **bold** heading @here" },
      { h: 2, text: "```js\nalert(1)\n``` and -# tiny" },
      { p: "Lighthouse keepers [click\u200bhere](https://evil.example) <@&42> <#99> ||spoiler||." },
      { p: "東京の灯台守は毎晩ランプの手入れをしていました。" },
      ...HOSTILE_LINKS.map((href) => ({ a: href, text: `[x](${href})` })),
    ],
  },
};
