import { DurableObject } from "cloudflare:workers";
import { type EngineConfig, engineConfig } from "../../config.ts";
import { ANY_ROUTE, hasRoutePastToken, type RoutePlan } from "../../delivery/route-plan.ts";
import { loadRoutePlan, saveRoutePlan } from "../../delivery/route-plan-store.ts";
import { createDiscordClient } from "../../discord/create-client.ts";
import { botGateFor } from "../../gate/gate-client.ts";
import { liveViewUrlFor } from "../../live/link-signing.ts";
import { LiveHub } from "../../live/live-hub.ts";
import { liveSocketLimits } from "../../live/socket-limits.ts";
import { createLogger, type Logger } from "../../log.ts";
import { type CounterIncrement, countAllQuietly } from "../../results/counters.ts";
import { type Observation, observeAll } from "../../results/histograms.ts";
import { archiveHistory, historyOf, type WorkflowHistory } from "../history-archive.ts";
import { findWorkflow } from "../registry.ts";
import { applyResume } from "../resume.ts";
import type { StageMessage } from "../stage-message.ts";
import { markStageClaimed, markStageWaiting } from "../stage-waiting.ts";
import type {
  Acknowledgement,
  CancelResult,
  ClaimRequest,
  ClaimResult,
  CompleteRequest,
  CompleteResult,
  FailRequest,
  HeartbeatRequest,
  HeartbeatResult,
  RedeliverResult,
  StartRequest,
  StartWorkflowInput,
  StartWorkflowResult,
  TrackerApi,
  WorkflowSnapshot,
} from "../tracker-types.ts";
import { initialDeadlineAt, scheduleDeadlineTimers } from "./deadline-extension.ts";
import { r2OutputStorage } from "./output-storage.ts";
import { requestFlush } from "./progress.ts";
import { ProgressNotices } from "./progress-notices.ts";
import type { TrackerRuntime } from "./runtime.ts";
import { isActive, type WorkflowEvent } from "./schema.ts";
import { snapshotOf } from "./snapshot.ts";
import { TrackerStore } from "./store.ts";
import { Timer } from "./timer-names.ts";
import { runDueTimer, runDueTimers } from "./timers.ts";
import { scheduleTokenTimers, tokenExpiresAt } from "./token-clock.ts";
import { StageWatchdog } from "./watchdog.ts";
import {
  firstProgressObservation,
  observationForEvent,
  stageDurationObservations,
} from "./workflow-metrics.ts";

const MAX_EVENTS_PER_READ = 500;
/**
 * Events that happen once per stage go to the event log (live view, history archive) but not to
 * the Worker log: a line per stage would cost more than the stage itself, and say nothing the
 * event log does not.
 */
const UNLOGGED_EVENTS: ReadonlySet<string> = new Set(["stage_started", "stage_completed"]);
/** Set when this tracker's start was refused a quota slot (and no workflow was created). */
const QUOTA_REFUSED_KEY = "quota_refused_at";

/** Bounded so a finished workflow's alarm is never held long by a busy gate. */
const TRACKER_GATE_WAIT_MS = 5_000;

/**
 * One per workflow: the only writer of its state. RPC methods are thin adapters onto the
 * stage lifecycle and the timers; every one ends by re-arming the single alarm.
 */
export class WorkflowTracker extends DurableObject<Env> implements TrackerApi {
  /** The objects over this object's SQLite; made again after deleteStorage() dropped its tables. */
  private tables: { store: TrackerStore; notices: ProgressNotices; live: LiveHub } | undefined;
  private readonly config: EngineConfig;
  /** Discord answers by status since the last flush to the counters table. */
  private readonly discordStatuses = new Map<number, number>();
  private readonly discord = createDiscordClient(this.env, {
    maxRetries: 0,
    maxWaitMs: 0,
    // Every bot-token call passes the one gate of the bot (bans, bad token, global limit). Its
    // calls are results (the DM rung, /notify): they wait here for a booked slot rather than
    // coming back later, when the slots would be taken again.
    gate: botGateFor(this.env, createLogger({ component: "tracker" })),
    maxGateWaitMs: TRACKER_GATE_WAIT_MS,
    onResponse: (status) =>
      this.discordStatuses.set(status, (this.discordStatuses.get(status) ?? 0) + 1),
  });

  /** Signed once per instance: WebCrypto is async, the message builders are not. */
  private liveViewUrl: string | null = null;
  /** The alarm this instance last armed (undefined: not read yet). */
  private armedAt: number | null | undefined;
  /** Read once per instance: written only at create. */
  private routePlan: RoutePlan | undefined;
  /** Once the workflow exists its id is on every line; built once, not per line. */
  private logger: Logger | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.config = engineConfig(env);
    this.openTables();
  }

  private openTables(): NonNullable<WorkflowTracker["tables"]> {
    if (this.tables) return this.tables;
    const store = new TrackerStore(this.ctx.storage.sql, {
      onFirstProgress: (row) => this.observeLater(firstProgressObservation(row, Date.now())),
    });
    const notices = new ProgressNotices(this.ctx.storage.sql);
    const live = new LiveHub(this.ctx, store, () => this.log(), liveSocketLimits(this.env));
    this.tables = { store, notices, live };
    return this.tables;
  }

  private get store(): TrackerStore {
    return this.openTables().store;
  }

  private get notices(): ProgressNotices {
    return this.openTables().notices;
  }

  private get live(): LiveHub {
    return this.openTables().live;
  }

  /**
   * Called by the consumer with the start message (start-admission.ts), once the quota statement
   * answered. Idempotent: the first call decides (a workflow, or a refusal), and every delivery
   * of the message, duplicates and replays included, then claims like any stage message.
   */
  async start(request: StartRequest): Promise<StartWorkflowResult> {
    const existing = this.store.workflow();
    if (!existing) {
      if ((await this.ctx.storage.get(QUOTA_REFUSED_KEY)) !== undefined)
        return { outcome: "refused" };
      if (request.quotaRefused) {
        await this.rememberRefusal(request.input);
        return { outcome: "refused" };
      }
      this.create(request.input);
    }
    const outcome = existing ? "existing" : "created";
    // The slot's row says nothing waits (quotas.ts): the start message's claim has no D1 write.
    if (request.claim)
      return {
        outcome,
        claim: await this.afterChange(await this.lifecycle().claim(request.claim)),
      };
    return { outcome, claim: await this.afterChange({ action: "skip", reason: "not claimed" }) };
  }

  /** The workflow's rows and timers; its first stage is carried by the start message itself. */
  private create(input: StartWorkflowInput): void {
    const definition = findWorkflow(input.name);
    if (!definition) throw new Error(`Unknown workflow "${input.name}"`);
    const now = Date.now();
    this.store.insertWorkflow({
      workflow_id: input.workflowId,
      name: input.name,
      options_json: JSON.stringify(input.options),
      input_label: input.inputLabel,
      user_id: input.userId,
      guild_id: input.guildId,
      channel_id: input.channelId,
      application_id: input.applicationId,
      interaction_id: input.interactionId,
      interaction_token: input.interactionToken,
      received_at: input.receivedAt,
      token_expires_at: tokenExpiresAt(input.receivedAt, this.config),
      estimate_ms: input.estimateMs,
      deadline_at: initialDeadlineAt(
        input.receivedAt,
        input.softDeadlineMs,
        input.deadlineCapMs,
        this.config,
      ),
      status: "queued",
      stage_count: definition.stages.length,
      created_at: now,
      // The first stage has waited since the command: its start message was queued then.
      waiting_since: Math.min(input.receivedAt, now),
      stage_names: JSON.stringify(definition.stages.map((stage) => stage.name)),
    });
    if (input.resume) applyResume(this.store, input.resume, now);
    const plan = input.routePlan ?? ANY_ROUTE;
    saveRoutePlan(this.ctx.storage.sql, plan);
    this.routePlan = plan;
    const row = this.store.workflow();
    if (row) scheduleTokenTimers(this.store, row, this.config);
    // No route past the token: say so up front (in the start notice) instead of learning from 403s.
    if (row && !hasRoutePastToken(plan))
      this.store.schedule(Timer.startNotice, row.received_at + this.config.ackGraceMs);
    this.store.schedule(Timer.watch, now + this.config.queueWaitNoticeMs);
    if (row) scheduleDeadlineTimers(this.store, row.deadline_at, this.config, now);
    this.event("workflow_started", { name: input.name, stages: definition.stages.length });
    this.countLater({ name: "workflows_started_total", labels: { workflow: input.name } });
    if (input.resume)
      this.event("workflow_resumed", {
        from: input.resume.fromWorkflowId,
        stage: input.resume.stage,
      });
  }

  /**
   * A refused start leaves one key, so that a redelivered or replayed start message cannot start
   * the workflow later; the consumer tells the user. The key goes when the token would have died,
   * after which no delivery of that message can still arrive usefully.
   */
  private async rememberRefusal(input: StartWorkflowInput): Promise<void> {
    await this.ctx.storage.put(QUOTA_REFUSED_KEY, Date.now());
    const forgetAt = tokenExpiresAt(input.receivedAt, this.config);
    await this.ctx.storage.setAlarm(forgetAt);
    this.armedAt = forgetAt;
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const claim = await this.lifecycle().claim(request);
    if (claim.action === "run") await this.noteStageWaiting(null);
    return this.afterChange(claim);
  }

  async heartbeat(request: HeartbeatRequest): Promise<HeartbeatResult> {
    return this.afterChange(this.lifecycle().heartbeat(request));
  }

  async complete(request: CompleteRequest): Promise<CompleteResult> {
    return this.afterChange(await this.lifecycle().complete(request));
  }

  async fail(request: FailRequest): Promise<Acknowledgement> {
    return this.afterChange(this.lifecycle().fail(request));
  }

  async deadLettered(message: StageMessage): Promise<Acknowledgement> {
    return this.afterChange(this.lifecycle().deadLettered(message));
  }

  async cancel(userId: string): Promise<CancelResult> {
    const row = this.store.workflow();
    if (!row) return { ok: false, reason: "not_found" };
    if (row.user_id !== userId) return { ok: false, reason: "not_owner" };
    if (!isActive(row.status)) return { ok: false, reason: "finished" };
    this.lifecycle().finish("cancelled", "Cancelled by its owner.");
    return this.afterChange({ ok: true });
  }

  async status(): Promise<WorkflowSnapshot | null> {
    const row = this.store.workflow();
    if (!row) return null;
    await this.armAlarm({ verify: true }); // any wake-up repairs a lost alarm
    return snapshotOf(row, this.store.stages());
  }

  async events(since = 0, limit = MAX_EVENTS_PER_READ): Promise<WorkflowEvent[]> {
    const safeSince = Number.isInteger(since) && since >= 0 ? since : 0;
    return this.store.events(safeSince, Math.min(Math.max(1, limit), MAX_EVENTS_PER_READ));
  }

  /** The cron's re-drive of an orphaned result: walk the ladder again from the top. */
  async redeliver(): Promise<RedeliverResult> {
    const row = this.store.workflow();
    if (!row) return { state: "gone" };
    if (row.delivery_state === "delivered") {
      return { state: "delivered", route: row.delivery_route, at: row.delivered_at };
    }
    if (isActive(row.status)) return { state: "active" };
    if (row.delivery_state !== "orphaned") return { state: "pending" };
    this.store.updateWorkflow({ delivery_state: "pending", delivery_rung: 0 });
    this.store.schedule(Timer.deliver, Date.now(), { attempts: 0 });
    this.event("redrive");
    await this.armAlarm();
    return { state: "redriving" };
  }

  /** The workflow's history (what Retry resumes from); null once purged (see the R2 archive). */
  async history(): Promise<WorkflowHistory | null> {
    const row = this.store.workflow();
    return row ? historyOf(this.store, row, Date.now()) : null;
  }

  async ping(): Promise<"pong"> {
    return "pong";
  }

  /** Frees this object's storage once its result is delivered or expired (retention). */
  async purge(): Promise<{ purged: boolean }> {
    const row = this.store.workflow();
    if (row && (isActive(row.status) || row.delivery_state === "pending")) return { purged: false };
    // History kept: the live view and Retry read the archive once this storage is gone.
    if (row) await archiveHistory(this.env.RESULTS, historyOf(this.store, row, Date.now()));
    await this.deleteStorage();
    return { purged: true };
  }

  /** The live view: its page data, and its WebSocket (hibernation API); see src/live/. */
  override fetch(request: Request): Promise<Response> {
    return this.live.fetch(request);
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    return this.live.message(ws, message);
  }

  override webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    return this.live.close(ws, code, reason);
  }

  override webSocketError(ws: WebSocket, error: unknown): Promise<void> {
    return this.live.error(ws, error);
  }

  override async alarm(): Promise<void> {
    // A refused start's alarm (rememberRefusal): no workflow ever existed here, so nothing is kept.
    if (!this.store.workflow()) return this.deleteStorage();
    try {
      this.liveViewUrl ??= await liveViewUrlFor(this.env, this.store.workflow());
      const deps = {
        store: this.store,
        config: this.config,
        runtime: () => this.runtime(),
        lifecycle: () => this.lifecycle(),
      };
      await runDueTimers(this.store, Date.now, (timer) => runDueTimer(timer, deps));
    } finally {
      // A fired alarm is used up: re-arm whatever is still scheduled, even after a failure.
      await this.armAlarm({ verify: true });
    }
  }

  /**
   * Frees everything this object stored (SQLite tables, keys, alarm). The tables are made again
   * only if a later call (a late replay of the start) needs them.
   */
  private async deleteStorage(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.tables = undefined;
    this.armedAt = null;
  }

  private async afterChange<T>(result: T): Promise<T> {
    const row = this.store.workflow();
    if (row && isActive(row.status) && row.progress_version > row.flushed_version)
      requestFlush({ store: this.store, config: this.config, now: Date.now });
    this.live.publish(); // progress from heartbeats has no event of its own
    await this.armAlarm();
    return result;
  }

  /** One counter write per status per batch, not one per Discord request. */
  private flushDiscordCounts(): void {
    const increments = [...this.discordStatuses].map(([status, by]) => ({
      name: "discord_requests_total",
      labels: { status: String(status) },
      by,
    }));
    this.discordStatuses.clear();
    this.countLater(...increments);
  }

  /**
   * Re-arms the one alarm at the earliest timer. The armed time is remembered, so the hot path
   * (a stage completion that moved no timer) touches no alarm storage at all; `status()` and a
   * fired alarm read the real one again, which repairs a lost alarm.
   */
  private async armAlarm(options: { verify?: boolean } = {}): Promise<void> {
    this.flushDiscordCounts();
    const next = this.store.nextDue();
    if (options.verify || this.armedAt === undefined)
      this.armedAt = await this.ctx.storage.getAlarm();
    if (next === this.armedAt) return;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
    this.armedAt = next;
  }

  private lifecycle(): StageWatchdog {
    return new StageWatchdog({
      store: this.store,
      config: this.config,
      log: this.log(),
      now: Date.now,
      enqueue: async (message, delaySeconds) => {
        await this.noteStageWaiting(Date.now() + delaySeconds * 1000);
        await this.env.STAGES.send(message, { delaySeconds });
      },
      outputs: r2OutputStorage(
        this.env.RESULTS,
        this.store.workflow()?.workflow_id ?? this.ctx.id.toString(),
      ),
      onFinished: () => {
        this.store.schedule(Timer.persist, Date.now());
        const row = this.store.workflow();
        if (row) this.observeLater(...stageDurationObservations(row, this.store.stages()));
      },
      event: (type, data) => this.event(type, data),
    });
  }

  private runtime(): TrackerRuntime {
    const row = this.store.workflow();
    this.routePlan ??= loadRoutePlan(this.ctx.storage.sql);
    return {
      store: this.store,
      config: this.config,
      discord: this.discord,
      env: this.env,
      log: this.log(),
      now: Date.now,
      title: (row && findWorkflow(row.name)?.title) ?? row?.name ?? "Workflow",
      liveViewUrl: this.liveViewUrl,
      routePlan: this.routePlan,
      event: (type, data) => this.event(type, data),
      notices: this.notices,
      countLater: (name, labels) => this.countLater({ name, labels }),
    };
  }

  /** Counters never hold up the tracker (one D1 batch), and a failed write is only logged. */
  private countLater(...increments: CounterIncrement[]): void {
    if (increments.length === 0) return;
    this.ctx.waitUntil(
      countAllQuietly(this.env.DB, increments, (error) =>
        this.log().warn("counter.failed", { error }),
      ),
    );
  }

  /** For /health and /metrics (stage-waiting.ts); a failed write must not stop the stage. */
  private async noteStageWaiting(dueAt: number | null): Promise<void> {
    const workflowId = this.store.workflow()?.workflow_id;
    if (!workflowId) return;
    await (dueAt === null
      ? markStageClaimed(this.env.DB, workflowId)
      : markStageWaiting(this.env.DB, workflowId, dueAt)
    ).catch((error: unknown) => this.log().warn("stage_waiting.write_failed", { error }));
  }

  private log(): Logger {
    if (this.logger) return this.logger;
    const workflowId = this.store.workflow()?.workflow_id;
    const logger = createLogger({ component: "tracker", workflowId });
    if (workflowId) this.logger = logger;
    return logger;
  }

  /** Histograms never hold up the tracker, and a failed write is only logged. */
  private observeLater(...observations: Observation[]): void {
    if (observations.length === 0) return;
    this.ctx.waitUntil(
      observeAll(this.env.DB, observations).catch((error: unknown) =>
        this.log().warn("histogram.failed", { error }),
      ),
    );
  }

  /** A deploy or restart mid-run is told once on the progress message, not only in the log. */
  private tellResumed(): void {
    const row = this.store.workflow();
    if (!row || !isActive(row.status)) return;
    this.notices.set("resumed", "🔄 Resumed after an update; nothing was lost.", Date.now());
    requestFlush(this.runtime());
  }

  private event(type: string, data: Record<string, unknown> = {}): void {
    const version = this.env.CF_VERSION_METADATA?.id ?? null;
    const previous = this.store.lastEventVersion();
    if (previous !== undefined && previous !== version) {
      // A deploy happened while this workflow ran: it continues on the new version.
      this.store.appendEvent(
        "version_changed",
        { from: previous, to: version },
        Date.now(),
        version,
      );
      this.tellResumed();
    }
    this.store.appendEvent(type, data, Date.now(), version);
    const observation = observationForEvent(type, data, this.store.workflow(), Date.now());
    if (observation) this.observeLater(observation);
    // Output gates hold these sends until the append is durable: no socket sees a lost event.
    this.live.publish();
    if (!UNLOGGED_EVENTS.has(type)) this.log().info(`workflow.${type}`, data);
  }
}
