-- Budgets (issue 25): what each admitted start costs, kept for the rolling window (a day by
-- default) so runs and outbound requests per user and per guild can be counted when admitting.
-- One row per workflow (a replayed start charges nothing twice); guild_id is NULL in DMs.
CREATE TABLE IF NOT EXISTS budget_charges (
  workflow_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  requests INTEGER NOT NULL,
  charged_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS budget_charges_by_user ON budget_charges (user_id, charged_at);
CREATE INDEX IF NOT EXISTS budget_charges_by_guild ON budget_charges (guild_id, charged_at);
CREATE INDEX IF NOT EXISTS budget_charges_by_time ON budget_charges (charged_at);
