-- Web hooks with response.ignore: the rendered request (request, JSON) waits here for a delivery worker, which claims
-- rows under a lease (lease_token, lease_expires_at) like the courier and retries failures at next_attempt_at. A
-- delivered row is deleted; an abandoned one keeps its url and last_error, its request blanked (it held credentials).
CREATE TABLE web_hook_deliveries (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    hook_id TEXT NULL,
    url TEXT NOT NULL,
    status TEXT NOT NULL,
    request TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_token UUID NULL,
    lease_expires_at TIMESTAMPTZ NULL,
    last_error TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_hook_deliveries_claim_idx ON web_hook_deliveries (nid, status, next_attempt_at);
