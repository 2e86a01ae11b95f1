-- Impersonation (issue 14 §4): a session an admin started for an identity carries who started it and why, as JSON
-- {key_id, key_name, reason} (key_id/key_name are null when the admin API took no key). NULL for every other session.
ALTER TABLE sessions ADD COLUMN impersonator TEXT NULL;
