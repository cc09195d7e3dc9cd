-- Results index: the full result lives in R2 (result.json, report.md); this row finds it.
CREATE TABLE IF NOT EXISTS results (
  workflow_id TEXT PRIMARY KEY,
  command TEXT NOT NULL,
  input TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  channel_id TEXT,
  status TEXT NOT NULL,              -- completed | failed | cancelled | timed_out
  summary TEXT NOT NULL,
  r2_prefix TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL,       -- ms since epoch: the interaction was received
  completed_at INTEGER NOT NULL,
  delivered_at INTEGER,
  delivery_route TEXT,               -- interaction | webhook | channel | dm | NULL while orphaned
  redrive_attempts INTEGER NOT NULL DEFAULT 0,
  next_redrive_at INTEGER,
  retrieved_at INTEGER,
  retrieval_count INTEGER NOT NULL DEFAULT 0,
  tracker_cleared_at INTEGER          -- the workflow's Durable Object storage was freed
);
CREATE INDEX IF NOT EXISTS results_by_owner ON results (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS results_by_input ON results (input);
CREATE INDEX IF NOT EXISTS results_undelivered ON results (delivered_at, next_redrive_at);

-- One bot-created webhook per channel, reused for handoff and delivery.
CREATE TABLE IF NOT EXISTS channel_webhooks (
  channel_id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL,
  webhook_token TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Named counters for operations (e.g. deliveries by route).
CREATE TABLE IF NOT EXISTS counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
