// What the fake account holds: the resources a deploy creates and the Worker it uploads. Plain
// data, so tests can assert on it after a run.
import { randomUUID } from "node:crypto";
import { DatabaseSync } from "node:sqlite";

export interface FakeD1Database {
  uuid: string;
  name: string;
  created_at: string;
  /** A real SQLite database, so `wrangler d1 migrations apply --remote` reads back what it wrote. */
  sqlite: DatabaseSync;
}

export interface FakeQueueConsumer {
  consumer_id: string;
  type: "worker";
  script: string;
  dead_letter_queue?: string;
  settings: Record<string, unknown>;
  created_on: string;
}

export interface FakeQueue {
  queue_id: string;
  queue_name: string;
  created_on: string;
  modified_on: string;
  consumers: FakeQueueConsumer[];
}

export interface FakeBucket {
  name: string;
  creation_date: string;
  location: string;
}

/** One uploaded Worker version: the metadata part of the multipart upload, and its modules. */
export interface FakeWorkerVersion {
  id: string;
  etag: string;
  number: number;
  metadata: Record<string, unknown>;
  bindings: Record<string, unknown>[];
  modules: string[];
  created_on: string;
}

export interface FakeWorker {
  id: string;
  tag: string;
  created_on: string;
  modified_on: string;
  versions: FakeWorkerVersion[];
  /** The version serving traffic: set by the classic upload, or by POST .../deployments. */
  deployed_version_id?: string;
  deployments: { id: string; version_id: string; created_on: string }[];
  /** Settings outside versions (PATCH .../script-settings): observability, logpush, tags. */
  script_settings: Record<string, unknown>;
  /** Durable Object migration tag reached by the uploads so far. */
  migration_tag?: string;
  secrets: Map<string, string>;
  schedules: { cron: string; created_on: string }[];
  workers_dev: { enabled: boolean; previews_enabled: boolean };
}

/** What a new account lacks until the operator fixes it in the dashboard. */
export interface AccountSetup {
  /** R2 must be enabled once in the dashboard; until then every R2 call answers 10042. */
  r2Enabled: boolean;
  /** The account's workers.dev subdomain; null until one is registered. */
  workersSubdomain: string | null;
  /** The Workers plan: "paid" is a workers_paid subscription. */
  plan: "free" | "paid";
}

export class FakeAccount {
  readonly setup: AccountSetup = {
    r2Enabled: true,
    workersSubdomain: "longflow-test",
    plan: "paid",
  };
  readonly d1 = new Map<string, FakeD1Database>();
  readonly buckets = new Map<string, FakeBucket>();
  readonly queues = new Map<string, FakeQueue>();
  readonly workers = new Map<string, FakeWorker>();

  readonly id: string;

  constructor(id: string) {
    this.id = id;
  }

  now(): string {
    return new Date().toISOString();
  }

  createD1(name: string): FakeD1Database {
    const db = {
      uuid: randomUUID(),
      name,
      created_at: this.now(),
      sqlite: new DatabaseSync(":memory:"),
    };
    this.d1.set(db.uuid, db);
    return db;
  }

  findD1(idOrName: string): FakeD1Database | undefined {
    return this.d1.get(idOrName) ?? [...this.d1.values()].find((db) => db.name === idOrName);
  }

  createQueue(name: string): FakeQueue {
    const queue = {
      queue_id: randomUUID().replaceAll("-", ""),
      queue_name: name,
      created_on: this.now(),
      modified_on: this.now(),
      consumers: [],
    };
    this.queues.set(queue.queue_id, queue);
    return queue;
  }

  findQueueByName(name: string): FakeQueue | undefined {
    return [...this.queues.values()].find((queue) => queue.queue_name === name);
  }

  /** The worker, created on its first upload. */
  worker(name: string): FakeWorker {
    let worker = this.workers.get(name);
    if (!worker) {
      worker = {
        id: name,
        tag: randomUUID().replaceAll("-", ""),
        created_on: this.now(),
        modified_on: this.now(),
        versions: [],
        deployments: [],
        script_settings: {},
        secrets: new Map(),
        schedules: [],
        workers_dev: { enabled: false, previews_enabled: false },
      };
      this.workers.set(name, worker);
    }
    return worker;
  }

  /** The version serving traffic, whose bindings GET .../settings reports. */
  deployedVersion(worker: FakeWorker): FakeWorkerVersion | undefined {
    return worker.versions.find((v) => v.id === worker.deployed_version_id);
  }

  deploy(worker: FakeWorker, versionId: string): void {
    worker.deployed_version_id = versionId;
    worker.deployments.unshift({ id: randomUUID(), version_id: versionId, created_on: this.now() });
  }

  close(): void {
    for (const db of this.d1.values()) db.sqlite.close();
  }
}
