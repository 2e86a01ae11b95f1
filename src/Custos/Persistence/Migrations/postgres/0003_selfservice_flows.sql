CREATE TABLE selfservice_login_flows (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    request_url TEXT NOT NULL,
    active_method TEXT,
    ui JSONB NOT NULL,
    csrf_token TEXT NOT NULL,
    internal_context JSONB NOT NULL,
    identity_id UUID REFERENCES identities (id) ON DELETE CASCADE,
    issued_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX selfservice_login_flows_expires_idx ON selfservice_login_flows (nid, expires_at);

CREATE TABLE selfservice_registration_flows (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    request_url TEXT NOT NULL,
    active_method TEXT,
    ui JSONB NOT NULL,
    csrf_token TEXT NOT NULL,
    internal_context JSONB NOT NULL,
    identity_id UUID REFERENCES identities (id) ON DELETE CASCADE,
    issued_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX selfservice_registration_flows_expires_idx ON selfservice_registration_flows (nid, expires_at);

CREATE TABLE selfservice_settings_flows (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    request_url TEXT NOT NULL,
    active_method TEXT,
    ui JSONB NOT NULL,
    csrf_token TEXT NOT NULL,
    internal_context JSONB NOT NULL,
    identity_id UUID REFERENCES identities (id) ON DELETE CASCADE,
    issued_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX selfservice_settings_flows_expires_idx ON selfservice_settings_flows (nid, expires_at);

CREATE TABLE selfservice_errors (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    errors JSONB NOT NULL,
    csrf_token TEXT NOT NULL,
    was_seen BOOLEAN NOT NULL DEFAULT FALSE,
    seen_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
