// The live page's stylesheet: system fonts, light and dark, no external requests.
export const LIVE_PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f6f7fb; --card: #ffffff; --text: #1d2130; --muted: #5d6478; --line: #e2e5ee;
  --accent: #5865f2; --ok: #1f9d55; --warn: #b7791f; --bad: #d64545; --track: #e8eaf3;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14161d; --card: #1c1f29; --text: #e7e9f0; --muted: #9aa1b5; --line: #2c3040;
    --accent: #8891ff; --ok: #4cc38a; --warn: #e3b341; --bad: #ff7b7b; --track: #2a2e3d;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
main { max-width: 880px; margin: 0 auto; padding: 32px 20px 48px; }
header { margin-bottom: 20px; }
h1 { font-size: 1.6rem; margin: 4px 0; }
h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 10px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.eyebrow, .muted { color: var(--muted); margin: 0; }
.input { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px; margin-bottom: 16px; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.grid .card { margin-bottom: 0; }
.stack { display: flex; flex-direction: column; gap: 16px; }
.grid + .card, .grid + section { margin-top: 16px; }
@media (max-width: 680px) { .grid { grid-template-columns: 1fr; } }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 0.85rem; font-weight: 600; background: var(--track); }
.badge.running, .badge.queued { color: var(--accent); }
.badge.completed { color: var(--ok); }
.badge.failed, .badge.timed_out { color: var(--bad); }
.badge.cancelled { color: var(--warn); }
.bar { height: 14px; border-radius: 999px; background: var(--track); overflow: hidden; }
.fill { height: 100%; width: 0; background: linear-gradient(90deg, var(--accent), #9b84ff); transition: width 0.4s ease; }
.fill.done { background: var(--ok); }
.progress-line { display: flex; justify-content: space-between; gap: 12px; margin-top: 8px; }
.percent { font-weight: 700; font-variant-numeric: tabular-nums; }
ol.timeline { list-style: none; margin: 0; padding: 0; }
ol.timeline li { display: flex; justify-content: space-between; gap: 8px; padding: 6px 0; border-bottom: 1px dashed var(--line); }
ol.timeline li:last-child { border-bottom: 0; }
.stage-name::before { display: inline-block; width: 1.4em; content: "○"; color: var(--muted); }
li.running .stage-name::before { content: "◐"; color: var(--accent); }
li.done .stage-name::before { content: "●"; color: var(--ok); }
li.failed .stage-name::before { content: "✕"; color: var(--bad); }
.duration { color: var(--muted); font-variant-numeric: tabular-nums; }
ul.warnings { margin: 0; padding-left: 1.2em; }
ul.warnings li { color: var(--warn); }
ul.warnings li.bad { color: var(--bad); }
ul.warnings li.muted { color: var(--muted); list-style: none; margin-left: -1.2em; }
.result-summary { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 12px; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 14px; }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.button { display: inline-block; padding: 8px 16px; border-radius: 8px; background: var(--accent); color: #fff; text-decoration: none; font-weight: 600; }
.button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
details summary { cursor: pointer; color: var(--muted); }
ol.events { margin: 10px 0 0; padding-left: 0; list-style: none; max-height: 320px; overflow: auto; font-size: 0.85rem; }
ol.events li { padding: 2px 0; border-bottom: 1px solid var(--line); }
.connection { font-size: 0.85rem; color: var(--muted); }
.connection::before { content: "●"; margin-right: 6px; }
.connection.live::before { color: var(--ok); }
.connection.retrying::before { color: var(--warn); }
.connection.error::before { color: var(--bad); }
@media (prefers-reduced-motion: reduce) { .fill { transition: none; } }
`;
