// The product's WorkflowTracker with its billable work counted: every RPC call and alarm is a
// Durable Object request; SQLite rows written and setAlarm calls are rows written.

import {
  type ClaimRequest,
  type CompleteRequest,
  type FailRequest,
  type HeartbeatRequest,
  type StageMessage,
  type StartRequest,
  WorkflowTracker,
} from "../../src/tracker/api.ts";
import { countingEnv, rowsWrittenByCall, tally } from "./billable-counters.ts";

/** Statements of this request; their rowsWritten is final once the request's work returned. */
const openCursors: { cursor: SqlStorageCursor<Record<string, SqlStorageValue>>; kind: Kind }[] = [];
/** setAlarm calls since the last settle (each is billed as a row written). */
let openAlarmRows = 0;

/**
 * Schema statements (CREATE, ALTER, DROP) write rows once per object, so they are told apart from
 * a call's own rows. Miniflare's own bookkeeping (`__miniflare_do_name`, written on an object's
 * first request) is not the product's and is not billed on Cloudflare: it is not counted.
 */
type Kind = "rows" | "schema" | "miniflare";

function kindOf(query: string): Kind {
  if (query.includes("__miniflare")) return "miniflare";
  return /^\s*(CREATE|ALTER|DROP)\b/i.test(query) ? "schema" : "rows";
}

/**
 * Adds the rows written since the last settle to the tally, and to `call`'s share. Requests of
 * one workflow rarely overlap in d), so a request is credited with what settled when it ended.
 */
function settleRowsWritten(call: string): void {
  const shares: Record<string, number> = { [call]: openAlarmRows, schema: 0 };
  openAlarmRows = 0;
  for (const { cursor, kind } of openCursors.splice(0)) {
    if (kind === "miniflare") continue;
    const share = kind === "schema" ? "schema" : call;
    shares[share] = (shares[share] ?? 0) + cursor.rowsWritten;
  }
  for (const [share, rows] of Object.entries(shares)) {
    if (rows === 0) continue;
    tally.durableObjectRowsWritten += rows;
    rowsWrittenByCall.set(share, (rowsWrittenByCall.get(share) ?? 0) + rows);
  }
}

function bound(target: object, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop);
  return typeof value === "function" ? value.bind(target) : value;
}

function countingSql(sql: SqlStorage): SqlStorage {
  return new Proxy(sql, {
    get(target, prop) {
      if (prop !== "exec") return bound(target, prop);
      return (query: string, ...bindings: unknown[]) => {
        const cursor = target.exec(query, ...bindings);
        openCursors.push({ cursor, kind: kindOf(query) });
        return cursor;
      };
    },
  });
}

/**
 * Counts on the object's own storage: workerd checks that a Durable Object is constructed with
 * the real DurableObjectState, so the state itself cannot be wrapped, only its storage patched.
 */
function countStorage(ctx: DurableObjectState): void {
  const { storage } = ctx;
  const sql = countingSql(storage.sql);
  const setAlarm = storage.setAlarm.bind(storage);
  Object.defineProperty(storage, "sql", { value: sql, configurable: true });
  Object.defineProperty(storage, "setAlarm", {
    configurable: true,
    value: (at: number | Date, options?: DurableObjectSetAlarmOptions) => {
      tally.durableObjectSetAlarms++;
      openAlarmRows++; // billed as one row written
      return setAlarm(at, options);
    },
  });
}

async function counted<T>(call: string, work: () => Promise<T>): Promise<T> {
  tally.durableObjectRequests++;
  try {
    return await work();
  } finally {
    settleRowsWritten(call);
  }
}

export class CountingWorkflowTracker extends WorkflowTracker {
  constructor(ctx: DurableObjectState, env: Env) {
    countStorage(ctx);
    super(ctx, countingEnv(env));
    settleRowsWritten("constructor"); // the setup of a fresh instance
  }

  /**
   * `start` claims the first stage by calling `claim` itself: that is part of the one request,
   * not a second one. (A claim RPC arriving while a start awaits would be credited to it too.)
   */
  private starting = 0;

  override async start(request: StartRequest) {
    this.starting++;
    try {
      return await counted("start", () => super.start(request));
    } finally {
      this.starting--;
    }
  }
  override claim(request: ClaimRequest) {
    if (this.starting > 0) return super.claim(request);
    return counted("claim", () => super.claim(request));
  }
  override heartbeat(request: HeartbeatRequest) {
    return counted("heartbeat", () => super.heartbeat(request));
  }
  override complete(request: CompleteRequest) {
    return counted("complete", () => super.complete(request));
  }
  override fail(request: FailRequest) {
    return counted("fail", () => super.fail(request));
  }
  override deadLettered(message: StageMessage) {
    return counted("deadLettered", () => super.deadLettered(message));
  }
  override cancel(userId: string) {
    return counted("cancel", () => super.cancel(userId));
  }
  override status() {
    return counted("status", () => super.status());
  }
  override events(since?: number, limit?: number) {
    return counted("events", () => super.events(since, limit));
  }
  override redeliver() {
    return counted("redeliver", () => super.redeliver());
  }
  override purge() {
    return counted("purge", () => super.purge());
  }
  override alarm() {
    tally.durableObjectAlarms++;
    return counted("alarm", () => super.alarm());
  }
}
