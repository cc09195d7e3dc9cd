// The fixed parts of the HTML export: the stylesheet (Discord's look, dark or light by the
// reader's `prefers-color-scheme`), the one script (UTC times rewritten in the reader's zone and
// locale), and the Content-Security-Policy that lets only that script run. The script is a
// constant with no outside text in it; its hash is checked in test/workflows/export/format/
// html-csp.test.ts (a Worker cannot hash synchronously at load, so it is written down here).

export const LOCAL_TIME_SCRIPT = `(function () {
  var styles = {
    t: { timeStyle: "short" },
    T: { timeStyle: "medium" },
    d: { dateStyle: "short" },
    D: { dateStyle: "long" },
    f: { dateStyle: "long", timeStyle: "short" },
    F: { dateStyle: "full", timeStyle: "short" }
  };
  var units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  function relative(date) {
    var seconds = (date.getTime() - Date.now()) / 1000;
    var format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(seconds) >= units[i][1] || units[i][0] === "second") {
        return format.format(Math.round(seconds / units[i][1]), units[i][0]);
      }
    }
  }
  var times = document.querySelectorAll("time[datetime]");
  for (var i = 0; i < times.length; i++) {
    var element = times[i];
    var date = new Date(element.getAttribute("datetime"));
    if (isNaN(date.getTime())) continue;
    var style = element.getAttribute("data-format") || "f";
    element.textContent = style === "R" ? relative(date) : date.toLocaleString(undefined, styles[style] || styles.f);
    element.title = date.toLocaleString(undefined, styles.F);
    element.setAttribute("data-local", "");
  }
})();`;

/** base64 SHA-256 of LOCAL_TIME_SCRIPT, the CSP's only script source. */
export const LOCAL_TIME_SCRIPT_SHA256 = "c3vhY+Dn9JPx6/rgu1/S7sTg14Yu/gHIL1hNxWtfaWM=";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src 'sha256-${LOCAL_TIME_SCRIPT_SHA256}'`,
  "style-src 'unsafe-inline'",
  "img-src https: http: data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export const STYLESHEET = `
:root { color-scheme: dark light; --bg: #313338; --bg-alt: #2b2d31; --bg-hover: #2e3035;
  --text: #dbdee1; --muted: #949ba4; --link: #00a8fc; --mention-bg: rgba(88,101,242,.3);
  --mention-text: #c9cdfb; --code-bg: #1e1f22; --border: #1e1f22; --quote: #4e5058;
  --spoiler: #1e1f22; --header: #f2f3f5; }
@media (prefers-color-scheme: light) {
  :root { --bg: #ffffff; --bg-alt: #f2f3f5; --bg-hover: #f5f6f7; --text: #313338;
    --muted: #5c5e66; --link: #006ce7; --mention-bg: rgba(88,101,242,.15);
    --mention-text: #505cdc; --code-bg: #ebedef; --border: #e3e5e8; --quote: #c4c9ce;
    --spoiler: #c4c9ce; --header: #060607; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.375 "gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; }
a { color: var(--link); text-decoration: none; } a:hover { text-decoration: underline; }
.preamble { display: flex; gap: 16px; align-items: center; padding: 16px;
  border-bottom: 1px solid var(--border); }
.preamble .guild-icon { width: 88px; height: 88px; border-radius: 50%; }
.preamble .entries { display: flex; flex-direction: column; gap: 2px; }
.preamble .guild-name, .preamble .channel-name { font-size: 1.4em; color: var(--header); }
.preamble .entry { color: var(--muted); font-size: .9em; }
.chatlog { padding: 8px 0 24px; }
.group { margin-top: 16px; }
.message { position: relative; padding: 2px 48px 2px 72px; min-height: 22px; }
.message:hover { background: var(--bg-hover); }
.message .avatar { position: absolute; left: 16px; top: 4px; width: 40px; height: 40px;
  border-radius: 50%; }
.message .short-time { position: absolute; left: 0; width: 64px; text-align: right;
  font-size: .7em; color: var(--muted); visibility: hidden; line-height: 22px; }
.message:hover .short-time { visibility: visible; }
.header { display: flex; gap: 8px; align-items: baseline; }
.author { font-weight: 500; color: var(--header); }
.bot-tag { background: #5865f2; color: #fff; font-size: .65em; padding: 1px 4px;
  border-radius: 3px; text-transform: uppercase; }
.header time { color: var(--muted); font-size: .75em; }
.content { white-space: normal; overflow-wrap: anywhere; }
/* "(edited)" and the pin follow the last line of text, as in Discord. */
.content > .md-text:last-of-type { display: inline; }
.edited, .pinned { color: var(--muted); font-size: .7em; margin-left: 4px; }
.system { color: var(--muted); font-style: italic; }
.reply { display: flex; gap: 4px; align-items: center; color: var(--muted); font-size: .85em;
  margin-left: -24px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.reply::before { content: ""; width: 24px; height: 8px; border-left: 2px solid var(--quote);
  border-top: 2px solid var(--quote); border-top-left-radius: 6px; margin-top: 6px; }
.reply .reply-avatar { width: 16px; height: 16px; border-radius: 50%; }
.message .reply + .avatar { top: 26px; }
.reply .reply-author { color: var(--header); font-weight: 500; }
.reply .reply-content { overflow: hidden; text-overflow: ellipsis; }
.mention { background: var(--mention-bg); color: var(--mention-text); border-radius: 3px;
  padding: 0 2px; font-weight: 500; }
.emoji { width: 1.375em; height: 1.375em; vertical-align: bottom; }
code.inline { background: var(--code-bg); padding: 0 .2em; border-radius: 3px;
  font: .85em/1.125 Consolas, "Andale Mono WT", Menlo, monospace; }
pre.code-block { background: var(--code-bg); border: 1px solid var(--border); border-radius: 4px;
  padding: .5em; margin: 4px 0; white-space: pre-wrap; max-width: 90%;
  font: .85em/1.125 Consolas, "Andale Mono WT", Menlo, monospace; }
blockquote { margin: 0; padding: 0 8px 0 12px; border-left: 4px solid var(--quote); }
.md-heading { margin: 8px 0 0; color: var(--header); line-height: 1.375; }
h1.md-heading { font-size: 1.5em; } h2.md-heading { font-size: 1.25em; }
h3.md-heading { font-size: 1em; }
.md-subtext { color: var(--muted); font-size: .8em; }
.md-list { margin: 0; padding-left: 1.5em; }
.md-list .depth-1 { margin-left: 1.5em; } .md-list .depth-2 { margin-left: 3em; }
.md-list .depth-3 { margin-left: 4.5em; }
.spoiler { background: var(--spoiler); color: transparent; border-radius: 3px; }
.spoiler:hover { color: var(--text); background: var(--bg-alt); }
.attachments, .embeds, .stickers { display: flex; flex-direction: column; gap: 4px;
  margin-top: 4px; }
.attachment-image { max-width: 400px; max-height: 300px; border-radius: 8px; }
.attachment-file { display: inline-flex; gap: 8px; padding: 10px; background: var(--bg-alt);
  border: 1px solid var(--border); border-radius: 8px; max-width: 430px; }
.attachment-size { color: var(--muted); font-size: .8em; }
.embed { display: flex; flex-direction: column; gap: 4px; max-width: 520px; padding: 8px 16px 16px 12px;
  background: var(--bg-alt); border-left: 4px solid var(--border); border-radius: 4px; }
.embed-author, .embed-footer { font-size: .8em; }
.embed-footer { color: var(--muted); }
.embed-title { font-weight: 600; color: var(--header); }
.embed-description, .embed-field-value { font-size: .9em; }
.embed-fields { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
.embed-field { grid-column: 1 / -1; } .embed-field.inline { grid-column: auto; }
.embed-field-name { font-weight: 600; font-size: .85em; }
.embed-image { max-width: 100%; border-radius: 4px; }
.embed-thumbnail { max-width: 80px; max-height: 80px; border-radius: 4px; align-self: flex-end; }
.sticker { width: 160px; height: 160px; }
.reactions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.reaction { display: inline-flex; gap: 4px; align-items: center; padding: 2px 6px;
  background: var(--bg-alt); border: 1px solid var(--border); border-radius: 8px;
  font-size: .85em; }
.reaction .emoji { width: 1em; height: 1em; }
.postamble { padding: 16px; color: var(--muted); border-top: 1px solid var(--border); }
`;
