CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    token TEXT NOT NULL,
    logout_token TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0,
    expires_at TEXT NOT NULL,
    authenticated_at TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    aal TEXT NOT NULL DEFAULT 'aal1',
    authentication_methods TEXT NOT NULL DEFAULT '[]',
    devices TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX sessions_token_uq ON sessions (token);
CREATE UNIQUE INDEX sessions_logout_token_uq ON sessions (logout_token);
CREATE INDEX sessions_identity_id_idx ON sessions (identity_id, created_at);
CREATE INDEX sessions_nid_created_at_id_idx ON sessions (nid, created_at, id);
