// Over 300 lines on purpose: the Durable Object's RPC surface is one class (Cloudflare's model);
// each method is an adapter of a few lines, and the work is in the files it composes.
import { DurableObject } from "cloudflare:workers";
import { type EngineConfig, engineConfig } from "../config.ts";
import type { RoutePlan } from "../delivery/route-plan.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { discordText, rawText } from "../discord/render/localized-text.ts";
import { botGateFor } from "../gate/gate-client.ts";
import { DEFAULT_LOCALE } from "../i18n/locales.ts";
import { textRef } from "../i18n/text-ref.ts";
import { liveSocketLimits } from "../live/socket-limits.ts";
import { createLogger, type Logger } from "../log.ts";
import { stageQueueFor } from "../queue/stage-queues.ts";
import { liveViewUrlFor } from "../secrets/link-signing.ts";
import { workflowTitle } from "../workflow/registry.ts";
import { appendEvent } from "./event-log.ts";
import { archiveHistory, historyOf, type WorkflowHistory } from "./history-archive.ts";
import { StageLifecycle } from "./lifecycle.ts";
import type { LifecycleDeps } from "./lifecycle-deps.ts";
import { LiveHub } from "./live-hub.ts";
import { liveStoreOf } from "./live-snapshot.ts";
import { openWorkflow, rememberRefusal, wasRefused } from "./opening.ts";
import { r2OutputStorage } from "./output-storage.ts";
import { requestFlush } from "./progress.ts";
import { ProgressNotices } from "./progress-notices.ts";
import { loadRoutePlan } from "./route-plan-store.ts";
import { localesOf } from "./row-locales.ts";
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
  StageMessage,
  StartRequest,
  StartWorkflowResult,
  TrackerApi,
  WorkflowSnapshot,
} from "./rpc.ts";
import type { TrackerRuntime } from "./runtime.ts";
import { isActive, type WorkflowEvent } from "./schema.ts";
import { snapshotOf } from "./snapshot.ts";
import { TrackerStore } from "./store.ts";
import { TrackerTelemetry } from "./telemetry.ts";
import { Timer } from "./timer-names.ts";
import { runDueTimer, runDueTimers } from "./timers.ts";
import { StageWatchdog } from "./watchdog.ts";
import { firstProgressObservation, stageDurationObservations } from "./workflow-metrics.ts";

const MAX_EVENTS_PER_READ = 500;
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
  private readonly telemetry: TrackerTelemetry;
  private readonly discord = createDiscordClient(this.env, {
    maxRetries: 0,
    maxWaitMs: 0,
    // Every bot-token call passes the one gate of the bot (bans, bad token, global limit). Its
    // calls are results (the DM rung, /notify): they wait here for a booked slot rather than
    // coming back later, when the slots would be taken again.
    gate: botGateFor(this.env, createLogger({ component: "tracker" })),
    maxGateWaitMs: TRACKER_GATE_WAIT_MS,
    onResponse: (status) => this.telemetry.countDiscordStatus(status),
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
    this.telemetry = new TrackerTelemetry(ctx, env.DB, () => this.log());
    this.config = engineConfig(env);
    this.openTables();
  }

  private openTables(): NonNullable<WorkflowTracker["tables"]> {
    if (this.tables) return this.tables;
    const store = new TrackerStore(this.ctx.storage.sql, {
      onFirstProgress: (row) => this.telemetry.observe(firstProgressObservation(row, Date.now())),
    });
    const notices = new ProgressNotices(this.ctx.storage.sql);
    const live = new LiveHub(
      this.ctx,
      liveStoreOf(store),
      () => this.log(),
      liveSocketLimits(this.env),
    );
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
      const sql = this.ctx.storage.sql;
      if (wasRefused(sql)) return { outcome: "refused" };
      if (request.quotaRefused) {
        const forgetAt = rememberRefusal(sql, request.input, this.config);
        await this.ctx.storage.setAlarm(forgetAt);
        this.armedAt = forgetAt;
        return { outcome: "refused" };
      }
      this.routePlan = openWorkflow(
        {
          store: this.store,
          sql,
          config: this.config,
          event: (type, data) => this.event(type, data),
          countStarted: (name) =>
            this.telemetry.count({ name: "workflows_started_total", labels: { workflow: name } }),
        },
        request.input,
      );
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

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const claim = await this.lifecycle().claim(request);
    if (claim.action === "run")
      await this.telemetry.noteStageWaiting(this.store.workflow()?.workflow_id, null);
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
    this.lifecycle().finish("cancelled", textRef("engine.cancelledByOwner"));
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
        watchdog: () => this.watchdog(),
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

  /**
   * Re-arms the one alarm at the earliest timer. The armed time is remembered, so the hot path
   * (a stage completion that moved no timer) touches no alarm storage at all; `status()` and a
   * fired alarm read the real one again, which repairs a lost alarm.
   */
  private async armAlarm(options: { verify?: boolean } = {}): Promise<void> {
    this.telemetry.flushDiscordCounts();
    const next = this.store.nextDue();
    if (options.verify || this.armedAt === undefined)
      this.armedAt = await this.ctx.storage.getAlarm();
    if (next === this.armedAt) return;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
    this.armedAt = next;
  }

  private lifecycleDeps(): LifecycleDeps {
    return {
      store: this.store,
      config: this.config,
      log: this.log(),
      now: Date.now,
      enqueue: async (message, delaySeconds) => {
        await this.telemetry.noteStageWaiting(
          this.store.workflow()?.workflow_id,
          Date.now() + delaySeconds * 1000,
        );
        const stageName = this.store.stage(message.stage)?.name;
        const queue = stageQueueFor(this.env, this.store.workflow()?.name, stageName);
        await queue.send(message, { delaySeconds });
      },
      outputs: r2OutputStorage(
        this.env.RESULTS,
        this.store.workflow()?.workflow_id ?? this.ctx.id.toString(),
      ),
      onFinished: () => {
        this.store.schedule(Timer.persist, Date.now());
        const row = this.store.workflow();
        if (row) this.telemetry.observe(...stageDurationObservations(row, this.store.stages()));
      },
      event: (type, data) => this.event(type, data),
    };
  }

  private lifecycle(): StageLifecycle {
    return new StageLifecycle(this.lifecycleDeps());
  }

  /** The clock-driven side, acting through a lifecycle of its own deps. */
  private watchdog(): StageWatchdog {
    const deps = this.lifecycleDeps();
    return new StageWatchdog(deps, new StageLifecycle(deps));
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
      // The kind's title in the public language, as the messages everyone sees show it.
      title: row
        ? workflowTitle(row.name, rawText(localesOf(row).public))
        : rawText(DEFAULT_LOCALE)("engine.workflowFallbackTitle"),
      liveViewUrl: this.liveViewUrl,
      routePlan: this.routePlan,
      event: (type, data) => this.event(type, data),
      notices: this.notices,
      countLater: (name, labels) => this.telemetry.count({ name, labels }),
    };
  }

  private log(): Logger {
    if (this.logger) return this.logger;
    const workflowId = this.store.workflow()?.workflow_id;
    const logger = createLogger({ component: "tracker", workflowId });
    if (workflowId) this.logger = logger;
    return logger;
  }

  /** A deploy or restart mid-run is told once on the progress message, not only in the log. */
  private tellResumed(): void {
    const row = this.store.workflow();
    if (!row || !isActive(row.status)) return;
    const notice = discordText(localesOf(row).public)("engine.resumedNotice");
    this.notices.set("resumed", notice, Date.now());
    requestFlush(this.runtime());
  }

  private event(type: string, data: Record<string, unknown> = {}): void {
    appendEvent(
      {
        store: this.store,
        version: this.env.CF_VERSION_METADATA?.id ?? null,
        log: () => this.log(),
        observe: (observation) => this.telemetry.observe(observation),
        published: () => this.live.publish(),
        resumedAfterDeploy: () => this.tellResumed(),
      },
      type,
      data,
    );
  }
}
