-- A page of identities loads its addresses and credentials with `nid = $1 AND identity_id = ANY($2)`. The same
-- indexes as on SQLite (identity_id first, nid second), so both databases resolve the list through one index.
DROP INDEX identity_verifiable_addresses_identity_idx;
CREATE INDEX identity_verifiable_addresses_identity_id_nid_idx ON identity_verifiable_addresses (identity_id, nid);
DROP INDEX identity_recovery_addresses_identity_idx;
CREATE INDEX identity_recovery_addresses_identity_id_nid_idx ON identity_recovery_addresses (identity_id, nid);
DROP INDEX identity_credential_identifiers_identity_idx;
CREATE INDEX identity_credential_identifiers_identity_id_nid_idx ON identity_credential_identifiers (identity_id, nid);

-- The same mistake elsewhere: a login by any identifier (`nid = ? AND identifier IN (?, ?)`) had no index leading with
-- identifier, and a session lookup by identity (`nid = ? AND identity_id = ?`) chose (nid, created_at, id) on SQLite.
CREATE INDEX identity_credential_identifiers_identifier_nid_idx ON identity_credential_identifiers (identifier, nid);
DROP INDEX sessions_identity_id_idx;
CREATE INDEX sessions_identity_id_nid_created_at_idx ON sessions (identity_id, nid, created_at);
