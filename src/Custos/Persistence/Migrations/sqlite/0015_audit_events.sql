-- The append-only audit log (issue 14 §2). seq orders the chain; prev_hash/hash make it tamper-evident (each row
-- hashes its own content and the previous row's hash). Rows are only ever inserted, or pruned oldest-first.
CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NULL,
    actor_name TEXT NULL,
    identity_id TEXT NULL,
    session_id TEXT NULL,
    ip_address TEXT NULL,
    user_agent TEXT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NULL,
    hash TEXT NULL
);
CREATE INDEX audit_events_type_idx ON audit_events (nid, type, seq);
CREATE INDEX audit_events_identity_idx ON audit_events (nid, identity_id, seq);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (nid, occurred_at);
