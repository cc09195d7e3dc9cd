import { describe, expect, it } from "vitest";
import { exportWriter } from "../../../../src/workflows/export/format/export-writer.ts";
import {
  CONTENT_SECURITY_POLICY,
  LOCAL_TIME_SCRIPT,
  LOCAL_TIME_SCRIPT_SHA256,
} from "../../../../src/workflows/export/format/html-page.ts";
import { featureMessages, plainMessages, VERBATIM_TEXTS, writeFile } from "./fixture.ts";
import {
  attr,
  byClass,
  type Element,
  elements,
  firstByClass,
  hasClass,
  MESSAGE_MARKUP_TAGS,
  parseHtmlDocument,
  tagTexts,
  textOf,
} from "./html-tree.ts";

const html = exportWriter("html");

/** Attributes through which a document runs code or loads something. */
const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "poster", "data"];

describe("the HTML export, parsed as a browser parses it", () => {
  const messages = featureMessages();
  const file = writeFile(html, messages);
  const document = parseHtmlDocument(file);
  const all = elements(document);

  it("has one message element per message, in order, each with its id", () => {
    const shown = byClass(document, "message");
    expect(shown.map((element) => attr(element, "id"))).toEqual(messages.map((m) => `m-${m.id}`));
    expect(shown.map((element) => attr(element, "data-author-id"))).toEqual(
      messages.map((m) => m.author.id),
    );
  });

  it("runs only its own script, allowed by the CSP through its hash", async () => {
    const scripts = all.filter((element) => element.tagName === "script");
    expect(scripts.map(textOf)).toEqual([LOCAL_TIME_SCRIPT]);
    const digest = await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(LOCAL_TIME_SCRIPT),
    );
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(hash).toBe(LOCAL_TIME_SCRIPT_SHA256);
    const csp = all.find((e) => attr(e, "http-equiv") === "Content-Security-Policy");
    expect(csp && attr(csp, "content")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src 'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it("lets no message text become an element, an event handler or a link to anything but http(s)", () => {
    const page = [
      "html",
      "head",
      "meta",
      "title",
      "style",
      "body",
      "header",
      "main",
      "footer",
      "script",
    ];
    const allowed = new Set([...page, ...MESSAGE_MARKUP_TAGS]);
    expect(all.filter((e) => !allowed.has(e.tagName)).map((e) => e.tagName)).toEqual([]);
    expect(all.filter((e) => e.tagName === "style" || e.tagName === "script")).toHaveLength(2);
    for (const element of all) {
      for (const { name, value } of element.attrs) {
        expect(name.startsWith("on"), `${element.tagName} ${name}`).toBe(false);
        if (URL_ATTRIBUTES.includes(name)) expect(value).toMatch(/^(https?:\/\/|#m-\d+$)/);
      }
    }
  });

  it("shows hostile text as the text it is", () => {
    const contents = byClass(document, "message").map((element) =>
      textOf(firstByClass(element, "content")),
    );
    const missing = VERBATIM_TEXTS.filter((text) => !contents.includes(text));
    expect(missing.map((text) => JSON.stringify(text))).toEqual([]);
  });

  it("renders Discord's markdown, mentions by name, replies, edits, pins, files, embeds and reactions", () => {
    const shown = byClass(document, "message");
    const [hello, formatted, reply, files, embed, joined] = [0, 1, 2, 3, 4, 5].map((i) => {
      const element = shown[i];
      if (!element) throw new Error(`no message ${i}`);
      return element;
    }) as [Element, Element, Element, Element, Element, Element];
    expect(tagTexts(hello, "strong")).toEqual(["world"]);
    expect(byClass(hello, "mention").map(textOf)).toEqual(["@bob", "#random"]);
    const tags = elements(formatted).map((e) => e.tagName);
    for (const tag of ["h1", "blockquote", "ul", "ol", "u", "s", "em", "code"])
      expect(tags).toContain(tag);
    expect(byClass(formatted, "spoiler").map(textOf)).toEqual(["spoiler"]);
    expect(byClass(formatted, "md-subtext").map(textOf)).toEqual(["subtext"]);
    expect(textOf(firstByClass(reply, "reply"))).toContain(
      "Alice A.Hello world, see @bob in #random",
    );
    expect(byClass(reply, "edited")).toHaveLength(1);
    expect(byClass(reply, "pinned")).toHaveLength(1);
    const images = byClass(files, "attachment-image");
    expect(images.map((e) => attr(e, "src"))).toEqual([
      "https://cdn.discordapp.com/attachments/1/2/cat.png",
    ]);
    expect(textOf(firstByClass(files, "attachment-file"))).toContain('notes, "v2".txt');
    expect(byClass(files, "reaction").map(textOf)).toEqual(["👍3", ":party:1"]);
    const box = firstByClass(embed, "embed");
    expect(attr(box, "style")).toBe("border-left-color:#5865F2");
    expect(tagTexts(firstByClass(box, "embed-title"), "strong")).toEqual(["title"]);
    expect(byClass(box, "embed-field")).toHaveLength(2);
    expect(textOf(firstByClass(joined, "content"))).toBe("Joined the server.");
  });

  it("writes every moment as a <time> with an ISO datetime for the page's script", () => {
    const times = all.filter((e) => e.tagName === "time");
    expect(times.length).toBeGreaterThan(messages.length);
    for (const time of times)
      expect(Number.isNaN(Date.parse(attr(time, "datetime") ?? ""))).toBe(false);
  });

  it("groups consecutive messages of one author within 7 minutes, across batch boundaries", () => {
    const many = plainMessages(30); // authors change every 3 messages, one minute apart
    const one = writeFile(html, many);
    for (const sizes of [[1], [2], [4, 5]]) expect(writeFile(html, many, sizes)).toBe(one);
    const groups = byClass(parseHtmlDocument(one), "group");
    expect(groups.map((group) => byClass(group, "message").length)).toEqual(Array(10).fill(3));
    expect(groups.every((group) => hasClass(firstByClass(group, "message"), "first"))).toBe(true);
  });

  it("gives the same bytes for the feature messages in one batch or in many", () => {
    for (const sizes of [[1], [3, 7]]) expect(writeFile(html, messages, sizes)).toBe(file);
  });
});
