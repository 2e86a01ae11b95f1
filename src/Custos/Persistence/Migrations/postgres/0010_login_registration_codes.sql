-- Codes of the code method for login and registration (stored as HMACs, bound to their flow and address), and the
-- per-flow count of code submissions that max_submissions limits.
ALTER TABLE selfservice_login_flows ADD COLUMN submit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE selfservice_registration_flows ADD COLUMN submit_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE identity_login_codes (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    address_type TEXT NOT NULL,
    flow_id UUID NOT NULL REFERENCES selfservice_login_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    used_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_login_codes_flow_idx ON identity_login_codes (nid, flow_id, secret_hmac);

-- No identity exists before the code is used, so identity_id stays NULL (kept for the shared column layout).
CREATE TABLE identity_registration_codes (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID,
    address TEXT NOT NULL,
    address_type TEXT NOT NULL,
    flow_id UUID NOT NULL REFERENCES selfservice_registration_flows (id) ON DELETE CASCADE,
    secret_hmac TEXT NOT NULL,
    used_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_registration_codes_flow_idx ON identity_registration_codes (nid, flow_id, secret_hmac);
