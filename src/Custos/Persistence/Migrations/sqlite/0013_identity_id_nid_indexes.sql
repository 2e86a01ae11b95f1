-- A page of identities loads its addresses and credentials with `nid = ? AND identity_id IN (...)`. Without statistics
-- SQLite rated the (nid, via, value) unique index as more selective than a single-column identity_id index and walked
-- every row of the network. Indexes that lead with identity_id and also cover nid win for any list length.
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
