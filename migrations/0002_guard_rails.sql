-- Running workflows, one row each while it runs: quotas are counted here, atomically.
CREATE TABLE IF NOT EXISTS running_workflows (
  workflow_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  command TEXT NOT NULL,
  input TEXT NOT NULL,
  started_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS running_by_user ON running_workflows (user_id);
CREATE INDEX IF NOT EXISTS running_by_guild ON running_workflows (guild_id);

-- Per-user preferences (/notify).
CREATE TABLE IF NOT EXISTS user_settings (
  user_id TEXT PRIMARY KEY,
  notify_dm INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);

-- Per-guild settings (/callback): where finished workflows are POSTed, and the HMAC secret.
CREATE TABLE IF NOT EXISTS guild_settings (
  guild_id TEXT PRIMARY KEY,
  callback_url TEXT,
  callback_secret TEXT,
  updated_at INTEGER NOT NULL
);
