-- Admin API keys (issue 14 §1). key_hash is the SHA-256 hex digest of the key (custos_ak_…); the key itself is shown
-- once and never stored. scopes is a space-separated list. A revoked key keeps its row (revoked_at) for the audit trail.
CREATE TABLE admin_api_keys (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NULL,
    revoked_at TEXT NULL,
    last_used_at TEXT NULL
);
CREATE UNIQUE INDEX admin_api_keys_key_hash_uq ON admin_api_keys (key_hash);
CREATE INDEX admin_api_keys_nid_created_at_idx ON admin_api_keys (nid, created_at);
