-- A page of identities loads its addresses and credentials with `nid = $1 AND identity_id = ANY($2)`. The same
-- indexes as on SQLite (identity_id first, nid second), so both databases resolve the list through one index.
DROP INDEX identity_verifiable_addresses_identity_idx;
CREATE INDEX identity_verifiable_addresses_identity_id_nid_idx ON identity_verifiable_addresses (identity_id, nid);
DROP INDEX identity_recovery_addresses_identity_idx;
CREATE INDEX identity_recovery_addresses_identity_id_nid_idx ON identity_recovery_addresses (identity_id, nid);
DROP INDEX identity_credential_identifiers_identity_idx;
CREATE INDEX identity_credential_identifiers_identity_id_nid_idx ON identity_credential_identifiers (identity_id, nid);
