-- Recovery and verification flows, and the one-time codes and link tokens they send (stored as HMACs).
CREATE TABLE selfservice_recovery_flows (
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
    submit_count INTEGER NOT NULL DEFAULT 0,
    issued_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX selfservice_recovery_flows_expires_idx ON selfservice_recovery_flows (nid, expires_at);

CREATE TABLE selfservice_verification_flows (
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
    submit_count INTEGER NOT NULL DEFAULT 0,
    issued_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX selfservice_verification_flows_expires_idx ON selfservice_verification_flows (nid, expires_at);

CREATE TABLE identity_verification_codes (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id UUID,
    flow_id UUID NOT NULL REFERENCES selfservice_verification_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_verification_codes_flow_idx ON identity_verification_codes (nid, flow_id);
CREATE INDEX identity_verification_codes_secret_idx ON identity_verification_codes (nid, secret_hmac);

CREATE TABLE identity_verification_tokens (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id UUID,
    flow_id UUID NOT NULL REFERENCES selfservice_verification_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_verification_tokens_flow_idx ON identity_verification_tokens (nid, flow_id);
CREATE INDEX identity_verification_tokens_secret_idx ON identity_verification_tokens (nid, secret_hmac);

CREATE TABLE identity_recovery_codes (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id UUID,
    flow_id UUID NOT NULL REFERENCES selfservice_recovery_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_recovery_codes_flow_idx ON identity_recovery_codes (nid, flow_id);
CREATE INDEX identity_recovery_codes_secret_idx ON identity_recovery_codes (nid, secret_hmac);

CREATE TABLE identity_recovery_tokens (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address_id UUID,
    flow_id UUID NOT NULL REFERENCES selfservice_recovery_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    secret_type INTEGER NOT NULL,
    used_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_recovery_tokens_flow_idx ON identity_recovery_tokens (nid, flow_id);
CREATE INDEX identity_recovery_tokens_secret_idx ON identity_recovery_tokens (nid, secret_hmac);
