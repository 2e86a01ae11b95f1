-- Event webhooks (issue 14 §3): subscriptions to audit events, and the durable queue of their deliveries. secret holds
-- the signing secret sealed under secrets.cipher / secrets.default. A delivery row is queued in the transaction that
-- appends its audit event; UNIQUE (webhook_id, event_id) keeps it to one per subscription. Workers claim rows under a
-- lease (lease_token, lease_expires_at) like web_hook_deliveries; delivered and abandoned rows stay for the admin API.
CREATE TABLE event_webhooks (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX event_webhooks_nid_idx ON event_webhooks (nid, created_at);

CREATE TABLE event_webhook_deliveries (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    webhook_id TEXT NOT NULL REFERENCES event_webhooks (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES audit_events (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_token TEXT NULL,
    lease_expires_at TEXT NULL,
    last_error TEXT NULL,
    response_status INTEGER NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX event_webhook_deliveries_claim_idx ON event_webhook_deliveries (nid, status, next_attempt_at);
CREATE INDEX event_webhook_deliveries_event_idx ON event_webhook_deliveries (event_id);
CREATE INDEX event_webhook_deliveries_list_idx ON event_webhook_deliveries (webhook_id, created_at);
