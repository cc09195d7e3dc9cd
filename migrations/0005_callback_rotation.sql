-- Callbacks by the Standard Webhooks specification (issue 25): during a secret's rotation the
-- previous secret still signs (a second signature) until previous_secret_until (epoch ms).
-- callback_url is sealed like callback_secret from now on; rows written before are plaintext
-- and are sealed the next time they are read (src/notifications/settings.ts).
ALTER TABLE guild_settings ADD COLUMN previous_callback_secret TEXT;
ALTER TABLE guild_settings ADD COLUMN previous_secret_until INTEGER;
