-- The shared counters of security.throttling (issue 15): one row per (rule, hashed key) holding the count of its
-- fixed window and the window's end in Unix milliseconds. key_hash and subject are HMACs under a server secret, never
-- an identifier or address in clear.
CREATE TABLE throttle_counters (
    nid TEXT NOT NULL,
    rule TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    subject TEXT NULL,
    count INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (nid, rule, key_hash)
) WITHOUT ROWID;
CREATE INDEX throttle_counters_subject_idx ON throttle_counters (subject, nid) WHERE subject IS NOT NULL;
CREATE INDEX throttle_counters_expires_at_idx ON throttle_counters (expires_at);
