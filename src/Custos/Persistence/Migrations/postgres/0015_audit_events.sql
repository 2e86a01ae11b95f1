-- The append-only audit log (issue 14 §2). seq orders the chain; prev_hash/hash make it tamper-evident (each row
-- hashes its own content and the previous row's hash). Rows are only ever inserted, or pruned oldest-first.
CREATE TABLE audit_events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL UNIQUE,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id UUID NULL,
    actor_name TEXT NULL,
    identity_id UUID NULL,
    session_id UUID NULL,
    ip_address TEXT NULL,
    user_agent TEXT NULL,
    details TEXT NOT NULL, -- text, not jsonb: the chain hashes the stored bytes
    prev_hash TEXT NULL,
    hash TEXT NULL
);
CREATE INDEX audit_events_type_idx ON audit_events (nid, type, seq);
CREATE INDEX audit_events_identity_idx ON audit_events (nid, identity_id, seq);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (nid, occurred_at);
