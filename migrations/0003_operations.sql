-- Operations (issue 14): what /health and /metrics read, and what the re-drive must respect.

-- The owner fetched the result with /retrieve_results: the cron no longer re-drives it.
ALTER TABLE results ADD COLUMN owner_retrieved_at INTEGER;

-- When the workflow's current stage began waiting for a queue consumer; NULL while one runs it.
ALTER TABLE running_workflows ADD COLUMN waiting_since INTEGER;

-- Last-seen marks for /health: the queue consumer's last run, the bot token's last check.
CREATE TABLE IF NOT EXISTS health_marks (
  name TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'ok'
);

-- Histograms for GET /metrics: one row per (metric, labels, bucket); rendered cumulatively.
CREATE TABLE IF NOT EXISTS histogram_buckets (
  name TEXT NOT NULL,
  labels TEXT NOT NULL,
  le TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  sum REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (name, labels, le)
);
