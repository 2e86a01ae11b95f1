CREATE TABLE sessions (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    token TEXT NOT NULL,
    logout_token TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT FALSE,
    expires_at TIMESTAMPTZ NOT NULL,
    authenticated_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    aal TEXT NOT NULL DEFAULT 'aal1',
    authentication_methods JSONB NOT NULL DEFAULT '[]',
    devices JSONB NOT NULL DEFAULT '[]',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX sessions_token_uq ON sessions (token);
CREATE UNIQUE INDEX sessions_logout_token_uq ON sessions (logout_token);
CREATE INDEX sessions_identity_id_idx ON sessions (identity_id, created_at);
CREATE INDEX sessions_nid_created_at_id_idx ON sessions (nid, created_at, id);
