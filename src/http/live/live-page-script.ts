// The live page's script, sent inline: plain browser JavaScript without template literals or
// backslashes, so this file can hold it as a string. It renders from the embedded data, then
// follows the socket protocol of live-protocol.ts: hello with the last seq seen, events exactly
// once, reconnects with backoff (1 s doubling to 30 s, jittered), pings so the socket is not
// dropped as idle. window.__liveView is for tests.

export const LIVE_PAGE_SCRIPT = `
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("live-data").textContent);
  var state = data.state;
  var lastSeq = 0;
  var seqs = [];
  var warnings = [];
  var socket = null;
  var attempt = 0;
  var reconnects = 0;
  var duplicates = 0;
  var retryTimer = null;
  var fatal = null;
  var finished = false;
  var clockOffset = state.serverNow - Date.now();
  var $ = function (id) { return document.getElementById(id); };

  var STATUS = { queued: "Queued", running: "Running", completed: "Completed", failed: "Failed",
    cancelled: "Cancelled", timed_out: "Timed out" };
  var ROUTES = { interaction: "the command's reply", webhook: "a channel webhook message",
    channel: "a bot message in the channel", dm: "a direct message" };
  var FATAL = { bad_seq: true, bad_message: true, unknown_workflow: true, hello_missing: true };

  function duration(ms) {
    if (ms < 1000) return Math.max(0, Math.round(ms)) + " ms";
    var total = Math.max(0, Math.round(ms / 1000));
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    if (h > 0) return h + "h " + String(m).padStart(2, "0") + "m";
    if (m > 0) return m + "m " + String(s).padStart(2, "0") + "s";
    return s + "s";
  }
  function now() { return Date.now() + clockOffset; }
  function time(at) { return new Date(at).toLocaleTimeString(); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function active() { return state.status === "queued" || state.status === "running"; }

  function warningFor(event) {
    var d = event.data || {};
    switch (event.type) {
      case "token_warning": return ["Discord's reply window closes in " + duration(d.msLeft || 0) + "; the work goes on.", ""];
      case "token_dead": return ["Discord's reply window closed early; the work goes on.", ""];
      case "handoff": return ["Progress moved to " + (ROUTES[d.route] || "a message the bot owns") + ".", ""];
      case "handoff_failed": return ["Progress could not move to a bot message; this page keeps it.", ""];
      case "stage_retrying": return ["Stage " + (d.stage + 1) + " failed and is being retried: " + (d.error || ""), ""];
      case "stage_redriven": return ["Stage " + (d.stage + 1) + " stopped responding and was restarted.", ""];
      case "delivery_retry": return ["Delivery via " + (ROUTES[d.route] || d.route) + " failed for now; retrying.", ""];
      case "delivery_rung_impossible": return ["Delivery via " + (ROUTES[d.route] || d.route) + " is impossible: " + (d.reason || ""), ""];
      case "orphaned": return ["The result could not be delivered in Discord; fetch it with /retrieve_results.", "bad"];
      case "workflow_failed": case "workflow_timed_out": return [d.error || "The workflow stopped early.", "bad"];
      case "version_changed": return ["The bot was updated during the run; it carried on.", ""];
      case "deadline_extended": return ["Still progressing: given " + duration(d.stepMs || 0) + " more.", ""];
      case "deadline_not_extended": return ["No more time: " + (d.reason === "cap" ? "the time limit's cap is reached." : "no progress lately."), ""];
      case "deadline_warning": return ["Time limit in " + duration(d.msLeft || 0) + "; then the partial result is delivered.", ""];
      default: return null;
    }
  }

  function renderHeader() {
    var badge = $("status");
    badge.textContent = STATUS[state.status] || state.status;
    badge.className = "badge " + state.status;
  }
  function renderProgress() {
    var percent = Math.floor(Math.min(1, Math.max(0, state.progress.fraction)) * 100);
    var bar = $("bar");
    bar.setAttribute("aria-valuenow", String(percent));
    bar.setAttribute("aria-valuetext", percent + " %, " + (state.progress.label || STATUS[state.status]));
    $("fill").style.width = percent + "%";
    $("fill").className = "fill" + (percent === 100 ? " done" : "");
    $("percent").textContent = percent + " %";
    var stage = Math.min(state.progress.stage + 1, state.progress.stageCount);
    $("label").textContent = active()
      ? "Stage " + stage + " of " + state.progress.stageCount + (state.progress.label ? " · " + state.progress.label : "")
      : (state.error || STATUS[state.status] || "");
  }
  function renderStages() {
    var list = $("stages");
    list.textContent = "";
    if (state.stages.length === 0) list.appendChild(el("li", "muted", "The stage timeline has expired."));
    state.stages.forEach(function (stage, index) {
      var item = el("li", stage.status);
      item.appendChild(el("span", "stage-name", (index + 1) + ". " + stage.name + (stage.replays ? " (restarted " + stage.replays + "×)" : "")));
      var took = stage.startedAt === null ? "waiting"
        : stage.finishedAt !== null ? duration(stage.finishedAt - stage.startedAt)
        : stage.status === "running" || stage.status === "pending" ? duration(now() - stage.startedAt) + " so far"
        : "";
      item.appendChild(el("span", "duration", took));
      list.appendChild(item);
    });
  }
  function renderClock() {
    var c = state.clock;
    var elapsed = (state.finishedAt || now()) - c.receivedAt;
    var line;
    if (!active()) {
      line = "Ran for " + duration(elapsed) + "; " + (c.tokenDead || state.finishedAt >= c.tokenExpiresAt
        ? "it outlived Discord's 15-minute reply window."
        : "Discord's reply window was still open at the end.");
    }
    else if (c.tokenDead || now() >= c.tokenExpiresAt) {
      line = "Discord's 15-minute reply window has closed; " +
        (c.handoffRoute && c.handoffRoute !== "none" ? "progress continues in " + (ROUTES[c.handoffRoute] || "a bot message") + " and here." : "progress continues here.");
    } else line = duration(c.tokenExpiresAt - now()) + " left in Discord's reply window.";
    $("clock").textContent = line;
    $("elapsed").textContent = "Elapsed " + duration(elapsed);
  }
  function renderDelivery() {
    var d = state.delivery;
    var text = d.state === "delivered" ? "Delivered via " + (ROUTES[d.route] || d.route) + (d.deliveredAt ? " at " + time(d.deliveredAt) : "") + "."
      : d.state === "orphaned" ? "Not deliverable in Discord: use /retrieve_results workflow_id:" + state.workflowId + "."
      : d.state === "pending" ? "Result saved; delivering it in Discord…"
      : d.state === "archived" ? "Delivered earlier; this is the stored result."
      : "The result is saved, then delivered, when the workflow ends.";
    $("delivery").textContent = text;
  }
  function renderWarnings() {
    var list = $("warnings");
    list.textContent = "";
    if (warnings.length === 0) list.appendChild(el("li", "muted", active() ? "None so far." : "None."));
    warnings.forEach(function (w) { list.appendChild(el("li", w.kind, time(w.at) + " · " + w.text)); });
  }
  function addEvent(event) {
    if (event.seq <= lastSeq) { duplicates++; return; }
    lastSeq = event.seq;
    seqs.push(event.seq);
    var w = warningFor(event);
    if (w) warnings.push({ at: event.at, text: w[0], kind: w[1] });
    var row = el("li", "mono", time(event.at) + "  #" + event.seq + "  " + event.type);
    $("events").appendChild(row);
    $("event-count").textContent = String(seqs.length);
  }
  function render() { renderHeader(); renderProgress(); renderStages(); renderClock(); renderDelivery(); renderWarnings(); }

  function setConnection(kind, text) {
    var node = $("connection");
    node.className = "connection " + kind;
    node.textContent = text;
  }

  function connect() {
    clearTimeout(retryTimer);
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + data.socketPath;
    var ws = new WebSocket(url);
    var opened = false;
    socket = ws;
    setConnection("retrying", "Connecting…");
    var pinger = null;
    ws.onopen = function () {
      opened = true;
      ws.send(JSON.stringify({ type: "hello", since: lastSeq }));
      // Without a ping now and then the server drops the socket as idle.
      pinger = setInterval(function () { if (ws.readyState === 1) ws.send("${LIVE_PING}"); }, ${LIVE_PING_INTERVAL_MS});
    };
    ws.onmessage = function (message) {
      var msg = JSON.parse(message.data);
      if (msg.type === "event") { addEvent(msg.event); renderWarnings(); }
      else if (msg.type === "caught_up") { attempt = 0; setConnection("live", "Live"); }
      else if (msg.type === "state") {
        state = msg.state;
        clockOffset = state.serverNow - Date.now();
        render();
        if (state.settled) finish();
      } else if (msg.type === "error") {
        if (FATAL[msg.code]) fatal = msg;
        setConnection("error", msg.message);
      }
    };
    ws.onclose = function (event) {
      clearInterval(pinger);
      if (socket === ws) socket = null;
      if (finished) return;
      if (fatal) { stopFatal(fatal.message, fatal.code); return; }
      if (!opened) { probeThenRetry(event.code); return; }
      retryLater(event.code);
    };
  }

  // A refused upgrade (expired or invalid link, unknown workflow) reaches a browser only as close
  // code 1006. A plain GET of the socket route says why: 426 means the link is fine (retry);
  // 403 or 404 will not change by retrying, so the page stops and shows the server's reason.
  function probeThenRetry(code) {
    setConnection("retrying", "Connection refused (" + code + "); checking the link…");
    fetch(data.socketPath, { cache: "no-store" })
      .then(function (response) {
        if (response.status !== 403 && response.status !== 404) { retryLater(code); return; }
        return response.json().then(function (body) {
          stopFatal((body && body.error) || "This link no longer works.", response.status === 403 ? "link_refused" : "unknown_workflow");
        });
      })
      .catch(function () { retryLater(code); });
  }
  function stopFatal(message, code) {
    fatal = { message: message, code: code };
    clearTimeout(retryTimer);
    clearInterval(ticker);
    setConnection("error", message + " (" + code + ")");
  }
  function retryLater(code) {
    var delay = Math.min(30000, 1000 * Math.pow(2, attempt));
    delay = delay / 2 + Math.random() * (delay / 2);
    attempt++;
    setConnection("retrying", "Connection lost (" + code + "); reconnecting in " + Math.ceil(delay / 1000) + " s");
    retryTimer = setTimeout(function () { reconnects++; connect(); }, delay);
  }

  function finish() {
    if (finished) return;
    finished = true;
    clearInterval(ticker);
    if (socket) socket.close(1000, "settled");
    setConnection("", "Final state");
    // The final page carries the result summary: take its #result section.
    fetch(location.href, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html").getElementById("result");
        if (fresh) $("result").replaceWith(document.importNode(fresh, true));
      })
      .catch(function () { setConnection("error", "Reload the page to see the result."); });
  }

  (data.events || []).forEach(addEvent);
  render();
  var ticker = setInterval(function () { if (active()) { renderClock(); renderStages(); } }, 1000);
  if (!state.settled || data.moreEvents) connect();
  else { finished = true; clearInterval(ticker); setConnection("", "Final state"); }

  window.__liveView = {
    dropSocket: function () { if (socket) socket.close(4000, "dropped by test"); },
    get lastSeq() { return lastSeq; },
    get seqs() { return seqs.slice(); },
    get state() { return state; },
    get reconnects() { return reconnects; },
    get duplicates() { return duplicates; },
    get connected() { return socket !== null && socket.readyState === 1; },
    get finished() { return finished; },
    get fatal() { return fatal; }
  };
})();
`;

import { LIVE_PING, LIVE_PING_INTERVAL_MS } from "../../live/socket-limits.ts";
