-- WebAuthn challenges that a ceremony already used: inserting the challenge's hash is what spends it, so one
-- challenge signs in or adds a key once, even under parallel submissions of the same flow (Kratos keeps no record).
CREATE TABLE webauthn_used_challenges (
    challenge_hash TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    used_at TEXT NOT NULL
);
CREATE INDEX webauthn_used_challenges_used_at_idx ON webauthn_used_challenges (used_at);
