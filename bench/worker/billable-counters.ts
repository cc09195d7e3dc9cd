// Billable operations, counted where they happen (the Worker, the tracker, the queue consumer).
// Module state is one tally for the whole bench Worker: wrangler dev runs its fetch and queue
// handlers and its Durable Objects in a single isolate.

export interface BillableTally {
  workerRequests: number;
  queueConsumerInvocations: number;
  durableObjectRequests: number;
  durableObjectAlarms: number;
  durableObjectRowsWritten: number;
  durableObjectSetAlarms: number;
  queueWrites: number;
  queueReads: number;
  queueDeletes: number;
  queueRetries: number;
  d1Queries: number;
  d1RowsRead: number;
  d1RowsWritten: number;
  r2ClassA: number;
  r2ClassB: number;
}

function emptyTally(): BillableTally {
  return {
    workerRequests: 0,
    queueConsumerInvocations: 0,
    durableObjectRequests: 0,
    durableObjectAlarms: 0,
    durableObjectRowsWritten: 0,
    durableObjectSetAlarms: 0,
    queueWrites: 0,
    queueReads: 0,
    queueDeletes: 0,
    queueRetries: 0,
    d1Queries: 0,
    d1RowsRead: 0,
    d1RowsWritten: 0,
    r2ClassA: 0,
    r2ClassB: 0,
  };
}

export const tally: BillableTally = emptyTally();

/** Tracker SQLite rows written (setAlarm included) by the kind of request that wrote them. */
export const rowsWrittenByCall = new Map<string, number>();

export function resetTally(): void {
  Object.assign(tally, emptyTally());
  rowsWrittenByCall.clear();
  rpcTimings.clear();
}

/** The tally, with rows by call as `rowsWritten:<call>` keys. */
export function snapshotTally(): Record<string, number> {
  const byCall = [...rowsWrittenByCall].map(([call, rows]) => [`rowsWritten:${call}`, rows]);
  return { ...tally, ...Object.fromEntries(byCall) };
}

const R2_CLASS_A = new Set([
  "put",
  "delete",
  "list",
  "createMultipartUpload",
  "resumeMultipartUpload",
]);
const R2_CLASS_B = new Set(["get", "head"]);

/** Calls `method` on the real object, so natives keep their receiver. */
function bound(target: object, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop);
  return typeof value === "function" ? value.bind(target) : value;
}

function countD1Meta(meta: { rows_read?: number; rows_written?: number } | undefined): void {
  tally.d1Queries++;
  tally.d1RowsRead += meta?.rows_read ?? 0;
  tally.d1RowsWritten += meta?.rows_written ?? 0;
}

function countingStatement(statement: D1PreparedStatement): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, prop) {
      if (prop === "bind")
        return (...values: unknown[]) => countingStatement(target.bind(...values));
      if (prop === "run" || prop === "all")
        return async () => {
          const result = prop === "run" ? await target.run() : await target.all();
          countD1Meta(result.meta);
          return result;
        };
      if (prop === "first" || prop === "raw")
        return async (...args: unknown[]) => {
          tally.d1Queries++; // these return no meta; the product only reads with them
          const method = Reflect.get(target, prop) as (...a: unknown[]) => Promise<unknown>;
          return method.apply(target, args);
        };
      return bound(target, prop);
    },
  });
}

function countingD1(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => countingStatement(target.prepare(query));
      if (prop === "batch")
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          for (const result of results) countD1Meta(result.meta); // a query per statement
          return results;
        };
      return bound(target, prop);
    },
  });
}

function countingR2(bucket: R2Bucket): R2Bucket {
  return new Proxy(bucket, {
    get(target, prop) {
      const value = bound(target, prop);
      if (typeof prop !== "string" || typeof value !== "function") return value;
      const call = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (R2_CLASS_A.has(prop)) tally.r2ClassA++;
        else if (R2_CLASS_B.has(prop)) tally.r2ClassB++;
        return call(...args);
      };
    },
  });
}

function countingQueue(queue: Queue): Queue {
  return new Proxy(queue, {
    get(target, prop) {
      if (prop === "send")
        return (body: unknown, options?: QueueSendOptions) => {
          tally.queueWrites++; // one operation per 64 KB; stage messages are tiny
          return target.send(body, options);
        };
      if (prop === "sendBatch")
        return (messages: Iterable<MessageSendRequest>, options?: QueueSendBatchOptions) => {
          const list = [...messages];
          tally.queueWrites += list.length;
          return target.sendBatch(list, options);
        };
      return bound(target, prop);
    },
  });
}

/** Tracker RPC round trips as the Worker sees them, by method (Date.now() advances at I/O). */
export const rpcTimings = new Map<string, { calls: number; totalMs: number }>();

function timedStub<T extends object>(stub: T): T {
  return new Proxy(stub, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (typeof prop !== "string" || prop === "then" || typeof value !== "function") return value;
      const call = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        const started = Date.now();
        try {
          return await Reflect.apply(call, target, args);
        } finally {
          const entry = rpcTimings.get(prop) ?? { calls: 0, totalMs: 0 };
          entry.calls++;
          entry.totalMs += Date.now() - started;
          rpcTimings.set(prop, entry);
        }
      };
    },
  });
}

function timedNamespace(namespace: Env["WORKFLOWS"]): Env["WORKFLOWS"] {
  return new Proxy(namespace, {
    get(target, prop) {
      if (prop === "get")
        return (...args: Parameters<typeof target.get>) => timedStub(target.get(...args));
      return bound(target, prop);
    },
  });
}

const wrapped = new WeakMap<object, Env>();

/** The product's bindings with every billable call counted. */
export function countingEnv(env: Env): Env {
  const known = wrapped.get(env);
  if (known) return known;
  const counted: Env = {
    ...env,
    DB: countingD1(env.DB),
    RESULTS: countingR2(env.RESULTS),
    STAGES: countingQueue(env.STAGES),
    BULK_STAGES: countingQueue(env.BULK_STAGES),
    WORKFLOWS: timedNamespace(env.WORKFLOWS),
  };
  wrapped.set(env, counted);
  return counted;
}

/** A queue batch whose acks and retries are counted as queue operations. */
export function countingBatch(batch: MessageBatch<unknown>): MessageBatch<unknown> {
  tally.queueConsumerInvocations++;
  tally.queueReads += batch.messages.length;
  const messages = batch.messages.map(
    (message): Message<unknown> => ({
      id: message.id,
      timestamp: message.timestamp,
      body: message.body,
      attempts: message.attempts,
      ack: () => {
        tally.queueDeletes++;
        message.ack();
      },
      retry: (options?: QueueRetryOptions) => {
        tally.queueRetries++;
        message.retry(options);
      },
    }),
  );
  return {
    queue: batch.queue,
    metadata: batch.metadata,
    messages,
    ackAll: () => {
      tally.queueDeletes += messages.length;
      batch.ackAll();
    },
    retryAll: (options?: QueueRetryOptions) => {
      tally.queueRetries += messages.length;
      batch.retryAll(options);
    },
  };
}
