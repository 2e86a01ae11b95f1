-- The shared counters of security.throttling (issue 15): one row per (rule, hashed key) holding the count of its
-- fixed window and the window's end in Unix milliseconds. key_hash and subject are HMACs under a server secret, never
-- an identifier or address in clear. UNLOGGED: no WAL on the login hot path; a crash empties the table (every window
-- starts again), and standbys do not carry it, which is the cost of a counter, not of an account. No foreign key to
-- networks: a counter is disposable, and the check would run on every first failure.
CREATE UNLOGGED TABLE throttle_counters (
    nid UUID NOT NULL,
    rule TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    subject TEXT NULL,
    count INTEGER NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (nid, rule, key_hash)
);
CREATE INDEX throttle_counters_subject_idx ON throttle_counters (subject, nid) WHERE subject IS NOT NULL;
CREATE INDEX throttle_counters_expires_at_idx ON throttle_counters (expires_at);
