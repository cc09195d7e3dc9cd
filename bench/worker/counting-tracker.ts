// The product's WorkflowTracker with its billable work counted: every RPC call and alarm is a
// Durable Object request; SQLite rows written and setAlarm calls are rows written.
import type { StageMessage } from "../../src/workflow/stage-message.ts";
import { WorkflowTracker } from "../../src/workflow/tracker/workflow-tracker.ts";
import type {
  ClaimRequest,
  CompleteRequest,
  FailRequest,
  HeartbeatRequest,
  StartWorkflowInput,
} from "../../src/workflow/tracker-types.ts";
import { countingEnv, tally } from "./billable-counters.ts";

/** Cursors of this request; their rowsWritten is final once the request's work returned. */
const openCursors: SqlStorageCursor<Record<string, SqlStorageValue>>[] = [];

function settleRowsWritten(): void {
  for (const cursor of openCursors.splice(0)) tally.durableObjectRowsWritten += cursor.rowsWritten;
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
        openCursors.push(cursor);
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
      tally.durableObjectRowsWritten++; // billed as one row written
      return setAlarm(at, options);
    },
  });
}

async function counted<T>(work: () => Promise<T>): Promise<T> {
  tally.durableObjectRequests++;
  try {
    return await work();
  } finally {
    settleRowsWritten();
  }
}

export class CountingWorkflowTracker extends WorkflowTracker {
  constructor(ctx: DurableObjectState, env: Env) {
    countStorage(ctx);
    super(ctx, countingEnv(env));
    settleRowsWritten(); // the schema setup of a fresh instance
  }

  override start(input: StartWorkflowInput) {
    return counted(() => super.start(input));
  }
  override claim(request: ClaimRequest) {
    return counted(() => super.claim(request));
  }
  override heartbeat(request: HeartbeatRequest) {
    return counted(() => super.heartbeat(request));
  }
  override complete(request: CompleteRequest) {
    return counted(() => super.complete(request));
  }
  override fail(request: FailRequest) {
    return counted(() => super.fail(request));
  }
  override deadLettered(message: StageMessage) {
    return counted(() => super.deadLettered(message));
  }
  override cancel(userId: string) {
    return counted(() => super.cancel(userId));
  }
  override status() {
    return counted(() => super.status());
  }
  override events(since?: number, limit?: number) {
    return counted(() => super.events(since, limit));
  }
  override redeliver() {
    return counted(() => super.redeliver());
  }
  override purge() {
    return counted(() => super.purge());
  }
  override alarm() {
    tally.durableObjectAlarms++;
    return counted(() => super.alarm());
  }
}
