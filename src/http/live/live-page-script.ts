// The live page's script, sent inline: plain browser JavaScript without template literals or
// backslashes, so this file can hold it as a string. It renders from the embedded data, then
// follows the socket protocol of live-protocol.ts: hello with the last seq seen, events exactly
// once, reconnects with backoff (1 s doubling to 30 s, jittered), pings so the socket is not
// dropped as idle. Its texts come with the data (live-page-texts.ts), in the page's language:
// templates whose {placeholders} it fills with numbers, durations and times formatted by Intl in
// that language. window.__liveView is for tests.

export const LIVE_PAGE_SCRIPT = `
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("live-data").textContent);
  var T = data.texts;
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
  var FATAL = { bad_seq: true, bad_message: true, unknown_workflow: true, hello_missing: true };

  var numbers = new Intl.NumberFormat(T.locale);
  var percents = new Intl.NumberFormat(T.locale, { style: "percent", maximumFractionDigits: 0 });
  var unitList = new Intl.ListFormat(T.locale, { type: "unit", style: "narrow" });
  var units = {};
  function unit(name, value) {
    if (!units[name]) units[name] = new Intl.NumberFormat(T.locale, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: 0 });
    return units[name].format(value);
  }
  // Formatters.duration of src/i18n/formatters.ts, in the browser: the two largest units.
  function duration(ms) {
    var total = Math.max(0, Math.round(ms));
    if (total < 60000) return unit("second", Math.max(1, Math.round(total / 1000)));
    if (total < 3600000) return unit("minute", Math.round(total / 60000));
    var days = total >= 86400000;
    var bigMs = days ? 86400000 : 3600000;
    var smallMs = days ? 3600000 : 60000;
    var parts = [unit(days ? "day" : "hour", Math.floor(total / bigMs))];
    var small = Math.round((total % bigMs) / smallMs);
    if (small) parts.push(unit(days ? "hour" : "minute", small));
    return unitList.format(parts);
  }
  function number(n) { return numbers.format(n); }
  // A template's {name} placeholders replaced by vars[name], in one pass: a value is never read
  // as a template itself.
  function fill(template, vars) {
    var out = "";
    var at = 0;
    for (;;) {
      var open = template.indexOf("{", at);
      var close = open < 0 ? -1 : template.indexOf("}", open);
      if (close < 0) return out + template.slice(at);
      var name = template.slice(open + 1, close);
      out += template.slice(at, open) + (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : template.slice(open, close + 1));
      at = close + 1;
    }
  }
  function route(name) { return T.routes[name] || T.routeOther; }
  function statusWord() { return T.status[state.status] || state.status; }
  function now() { return Date.now() + clockOffset; }
  function time(at) { return new Date(at).toLocaleTimeString(T.locale); }
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
      case "token_warning": return [fill(T.warnTokenSoon, { duration: duration(d.msLeft || 0) }), ""];
      case "token_dead": return [T.warnTokenDead, ""];
      case "handoff": return [fill(T.warnHandoff, { route: route(d.route) }), ""];
      case "handoff_failed": return [T.warnHandoffFailed, ""];
      case "stage_retrying": return [fill(T.warnStageRetrying, { stage: number(d.stage + 1), error: d.error || "" }), ""];
      case "stage_redriven": return [fill(T.warnStageRedriven, { stage: number(d.stage + 1) }), ""];
      case "delivery_retry": return [fill(T.warnDeliveryRetry, { route: route(d.route) }), ""];
      case "delivery_rung_impossible": return [fill(T.warnDeliveryImpossible, { route: route(d.route), reason: d.reason || "" }), ""];
      case "orphaned": return [T.warnOrphaned, "bad"];
      case "workflow_failed": case "workflow_timed_out": return [d.error || T.warnStoppedEarly, "bad"];
      case "version_changed": return [T.warnVersionChanged, ""];
      case "deadline_extended": return [fill(T.warnDeadlineExtended, { duration: duration(d.stepMs || 0) }), ""];
      case "deadline_not_extended": return [d.reason === "cap" ? T.warnDeadlineCap : T.warnDeadlineStalled, ""];
      case "deadline_warning": return [fill(T.warnDeadlineSoon, { duration: duration(d.msLeft || 0) }), ""];
      default: return null;
    }
  }

  function renderHeader() {
    var badge = $("status");
    badge.textContent = statusWord();
    badge.className = "badge " + state.status;
  }
  function renderProgress() {
    var percent = Math.floor(Math.min(1, Math.max(0, state.progress.fraction)) * 100);
    var bar = $("bar");
    bar.setAttribute("aria-valuenow", String(percent));
    var shown = percents.format(percent / 100);
    bar.setAttribute("aria-valuetext", shown + ", " + (state.progress.label || statusWord()));
    $("fill").style.width = percent + "%";
    $("fill").className = "fill" + (percent === 100 ? " done" : "");
    $("percent").textContent = shown;
    var stage = Math.min(state.progress.stage + 1, state.progress.stageCount);
    $("label").textContent = active()
      ? fill(T.stageOf, { stage: number(stage), count: number(state.progress.stageCount) }) + (state.progress.label ? " · " + state.progress.label : "")
      : (state.error || statusWord());
  }
  function renderStages() {
    var list = $("stages");
    list.textContent = "";
    if (state.stages.length === 0) list.appendChild(el("li", "muted", T.timelineExpired));
    state.stages.forEach(function (stage, index) {
      var item = el("li", stage.status);
      var restarted = stage.replays ? " (" + fill(T.stageRestarted, { count: number(stage.replays) }) + ")" : "";
      item.appendChild(el("span", "stage-name", number(index + 1) + ". " + (stage.label || stage.name) + restarted));
      var took = stage.startedAt === null ? T.stageWaiting
        : stage.finishedAt !== null ? duration(stage.finishedAt - stage.startedAt)
        : stage.status === "running" || stage.status === "pending" ? fill(T.stageSoFar, { duration: duration(now() - stage.startedAt) })
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
      line = fill(c.tokenDead || state.finishedAt >= c.tokenExpiresAt ? T.clockOutlived : T.clockStillOpen, { duration: duration(elapsed) });
    }
    else if (c.tokenDead || now() >= c.tokenExpiresAt) {
      line = c.handoffRoute && c.handoffRoute !== "none" ? fill(T.clockClosedMoved, { route: route(c.handoffRoute) }) : T.clockClosedHere;
    } else line = fill(T.clockLeft, { duration: duration(c.tokenExpiresAt - now()) });
    $("clock").textContent = line;
    $("elapsed").textContent = fill(T.elapsed, { duration: duration(elapsed) });
  }
  function renderDelivery() {
    var d = state.delivery;
    var text = d.state === "delivered"
        ? (d.deliveredAt ? fill(T.deliveryDoneAt, { route: route(d.route), time: time(d.deliveredAt) }) : fill(T.deliveryDone, { route: route(d.route) }))
      : d.state === "orphaned" ? fill(T.deliveryOrphaned, { workflowId: state.workflowId })
      : d.state === "pending" ? T.deliveryPending
      : d.state === "archived" ? T.deliveryArchived
      : T.deliveryNotYet;
    $("delivery").textContent = text;
  }
  function renderWarnings() {
    var list = $("warnings");
    list.textContent = "";
    if (warnings.length === 0) list.appendChild(el("li", "muted", active() ? T.warningsNoneSoFar : T.warningsNone));
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
    $("event-log").textContent = fill(T.eventLog, { count: number(seqs.length) });
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
    setConnection("retrying", T.connecting);
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
      else if (msg.type === "caught_up") { attempt = 0; setConnection("live", T.connected); }
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
    setConnection("retrying", fill(T.connectionRefused, { code: String(code) }));
    fetch(data.socketPath, { cache: "no-store" })
      .then(function (response) {
        if (response.status !== 403 && response.status !== 404) { retryLater(code); return; }
        return response.json().then(function (body) {
          stopFatal((body && body.error) || T.linkNoLongerWorks, response.status === 403 ? "link_refused" : "unknown_workflow");
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
    setConnection("retrying", fill(T.connectionLost, { code: String(code), delay: unit("second", Math.ceil(delay / 1000)) }));
    retryTimer = setTimeout(function () { reconnects++; connect(); }, delay);
  }

  function finish() {
    if (finished) return;
    finished = true;
    clearInterval(ticker);
    if (socket) socket.close(1000, "settled");
    setConnection("", T.finalState);
    // The final page carries the result summary: take its #result section.
    fetch(location.href, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html").getElementById("result");
        if (fresh) $("result").replaceWith(document.importNode(fresh, true));
      })
      .catch(function () { setConnection("error", T.reloadForResult); });
  }

  (data.events || []).forEach(addEvent);
  render();
  var ticker = setInterval(function () { if (active()) { renderClock(); renderStages(); } }, 1000);
  if (!state.settled || data.moreEvents) connect();
  else { finished = true; clearInterval(ticker); setConnection("", T.finalState); }

  window.__liveView = {
    dropSocket: function () { if (socket) socket.close(4000, "dropped by test"); },
    get lastSeq() { return lastSeq; },
    get seqs() { return seqs.slice(); },
    get state() { return state; },
    get reconnects() { return reconnects; },
    get duplicates() { return duplicates; },
    get connected() { return socket !== null && socket.readyState === 1; },
    get finished() { return finished; },
    get fatal() { return fatal; },
    duration: duration
  };
})();
`;

import { LIVE_PING, LIVE_PING_INTERVAL_MS } from "../../live/socket-limits.ts";
