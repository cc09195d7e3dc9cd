import { DurableObject } from "cloudflare:workers";
import type { GateAdmission, GateClosure, GateRequest } from "../discord/bot-gate-port.ts";
import { createLogger } from "../log.ts";
import { countQuietly } from "../results/counters.ts";
import { type GateConfig, gateConfig } from "./gate-config.ts";
import { admitThroughGate, closeGate, type GateState, OPEN_GATE } from "./gate-policy.ts";
import { GlobalBudget } from "./global-budget.ts";

const SCHEMA = `CREATE TABLE IF NOT EXISTS gate (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL
)`;

/** What /health and /metrics show. */
export interface GateView {
  open: boolean;
  reason: GateState["reason"];
  closedAt: number | null;
  reopensAt: number | null;
  closures: number;
}

/**
 * One for the whole bot (named "bot"): every bot-token call asks it first. The global request
 * budget, a global or shared 429, a Cloudflare ban and a rejected bot token close it for every
 * tracker and channel outbox at once, instead of each caller learning it from its own 429s.
 */
export class BotGate extends DurableObject<Env> {
  private readonly config: GateConfig;
  private readonly budget: GlobalBudget;
  private state: GateState;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.config = gateConfig(env);
    this.budget = new GlobalBudget(this.config.globalPerSecond);
    ctx.storage.sql.exec(SCHEMA);
    const row = ctx.storage.sql.exec("SELECT state FROM gate WHERE id = 1").toArray()[0];
    this.state = row ? (JSON.parse(String(row.state)) as GateState) : OPEN_GATE;
  }

  async admit(request: GateRequest): Promise<GateAdmission> {
    const now = Date.now();
    const { admission, next } = admitThroughGate(this.state, now, this.config);
    if (next !== this.state) {
      if (this.state.reason !== null && next.reason === null) this.log("gate.reopened", {});
      this.save(next);
    }
    if (admission.waitMs > 0 || admission.probe) return admission;
    const { waitMs, booked } = this.budget.book(now, request.maxWaitMs, request.priority);
    return { waitMs, probe: false, booked };
  }

  async close(closure: GateClosure): Promise<void> {
    const wasOpen = this.state.reason === null;
    this.save(closeGate(this.state, closure, Date.now(), this.config));
    this.log("gate.closed", { reason: closure.reason, reopensAt: this.state.reopensAt });
    if (wasOpen) {
      this.ctx.waitUntil(
        countQuietly(this.env.DB, "bot_gate_closures_total", { reason: closure.reason }, () => {}),
      );
    }
  }

  async reopen(): Promise<void> {
    if (this.state.reason === null) return;
    this.log("gate.reopened", { after: this.state.reason });
    this.save(OPEN_GATE);
  }

  async view(): Promise<GateView> {
    // Reading the view must not let a probe out: only the time-based part of admission applies.
    const { next } = admitThroughGate(this.state, Date.now(), this.config);
    const shown = next.reason === null ? next : this.state;
    return {
      open: shown.reason === null,
      reason: shown.reason,
      closedAt: shown.reason === null ? null : shown.closedAt,
      reopensAt: shown.reason === null ? null : shown.reopensAt,
      closures: shown.closures,
    };
  }

  private save(next: GateState): void {
    this.state = next;
    this.ctx.storage.sql.exec(
      "INSERT INTO gate (id, state) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state",
      JSON.stringify(next),
    );
  }

  private log(event: string, fields: Record<string, unknown>): void {
    const level = event === "gate.closed" ? "error" : "info";
    createLogger({ component: "bot_gate" })[level](event, fields);
  }
}
