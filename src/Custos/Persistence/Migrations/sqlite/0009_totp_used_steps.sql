-- The last TOTP time step accepted per identity: a code is accepted only for a later step, so a code cannot be
-- replayed within its window (Kratos keeps no such record).
CREATE TABLE identity_totp_used_steps (
    identity_id TEXT PRIMARY KEY REFERENCES identities (id) ON DELETE CASCADE,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    last_step INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
