-- When the owner of an orphaned result was told that the re-drives are used up (once).
ALTER TABLE results ADD COLUMN exhausted_notice_at INTEGER;
