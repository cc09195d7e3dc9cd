-- The owner's language (a Discord locale), for what the cron tells them by DM long after the
-- workflow ended (the re-drive notice). NULL for results stored before languages: English.
ALTER TABLE results ADD COLUMN user_locale TEXT;
