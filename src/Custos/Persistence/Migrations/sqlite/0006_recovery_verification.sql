-- Recovery and verification flows, and the one-time codes and link tokens they send (stored as HMACs).
CREATE TABLE selfservice_recovery_flows (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    request_url TEXT NOT NULL,
    active_method TEXT,
    ui TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    internal_context TEXT NOT NULL,
    identity_id TEXT REFERENCES identities (id) ON DELETE CASCADE,
    submit_count INTEGER NOT NULL DEFAULT 0,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX selfservice_recovery_flows_expires_idx ON selfservice_recovery_flows (nid, expires_at);

CREATE TABLE selfservice_verification_flows (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    request_url TEXT NOT NULL,
    active_method TEXT,
    ui TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    internal_context TEXT NOT NULL,
    identity_id TEXT REFERENCES identities (id) ON DELETE CASCADE,
    submit_count INTEGER NOT NULL DEFAULT 0,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX selfservice_verification_flows_expires_idx ON selfservice_verification_flows (nid, expires_at);

CREATE TABLE identity_verification_codes (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id TEXT,
    flow_id TEXT NOT NULL REFERENCES selfservice_verification_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TEXT,
    expires_at TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX identity_verification_codes_flow_idx ON identity_verification_codes (nid, flow_id);
CREATE INDEX identity_verification_codes_secret_idx ON identity_verification_codes (nid, secret_hmac);

CREATE TABLE identity_verification_tokens (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id TEXT,
    flow_id TEXT NOT NULL REFERENCES selfservice_verification_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TEXT,
    expires_at TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX identity_verification_tokens_flow_idx ON identity_verification_tokens (nid, flow_id);
CREATE INDEX identity_verification_tokens_secret_idx ON identity_verification_tokens (nid, secret_hmac);

CREATE TABLE identity_recovery_codes (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id TEXT,
    flow_id TEXT NOT NULL REFERENCES selfservice_recovery_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TEXT,
    expires_at TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX identity_recovery_codes_flow_idx ON identity_recovery_codes (nid, flow_id);
CREATE INDEX identity_recovery_codes_secret_idx ON identity_recovery_codes (nid, secret_hmac);

CREATE TABLE identity_recovery_tokens (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id TEXT,
    flow_id TEXT NOT NULL REFERENCES selfservice_recovery_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TEXT,
    expires_at TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX identity_recovery_tokens_flow_idx ON identity_recovery_tokens (nid, flow_id);
CREATE INDEX identity_recovery_tokens_secret_idx ON identity_recovery_tokens (nid, secret_hmac);
