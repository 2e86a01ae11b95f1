CREATE TABLE selfservice_login_flows (
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
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX selfservice_login_flows_expires_idx ON selfservice_login_flows (nid, expires_at);

CREATE TABLE selfservice_registration_flows (
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
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX selfservice_registration_flows_expires_idx ON selfservice_registration_flows (nid, expires_at);

CREATE TABLE selfservice_settings_flows (
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
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX selfservice_settings_flows_expires_idx ON selfservice_settings_flows (nid, expires_at);

CREATE TABLE selfservice_errors (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    errors TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    was_seen INTEGER NOT NULL DEFAULT 0,
    seen_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
