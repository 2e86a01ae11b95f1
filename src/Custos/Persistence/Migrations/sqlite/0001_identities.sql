CREATE TABLE networks (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE identities (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    schema_id TEXT NOT NULL,
    traits TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'active',
    state_changed_at TEXT,
    metadata_public TEXT,
    metadata_admin TEXT,
    available_aal TEXT,
    external_id TEXT,
    organization_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identities_nid_external_id_uq ON identities (nid, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX identities_nid_id_idx ON identities (nid, id);

CREATE TABLE identity_credentials (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    config TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_credentials_identity_type_uq ON identity_credentials (identity_id, type);

CREATE TABLE identity_credential_identifiers (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    identity_credential_id TEXT NOT NULL REFERENCES identity_credentials (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    identifier TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_credential_identifiers_nid_type_identifier_uq ON identity_credential_identifiers (nid, type, identifier);
CREATE INDEX identity_credential_identifiers_identity_idx ON identity_credential_identifiers (identity_id);

CREATE TABLE identity_verifiable_addresses (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    via TEXT NOT NULL,
    value TEXT NOT NULL,
    verified INTEGER NOT NULL DEFAULT 0,
    verified_at TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_verifiable_addresses_nid_via_value_uq ON identity_verifiable_addresses (nid, via, value);
CREATE INDEX identity_verifiable_addresses_identity_idx ON identity_verifiable_addresses (identity_id);

CREATE TABLE identity_recovery_addresses (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    via TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_recovery_addresses_nid_via_value_uq ON identity_recovery_addresses (nid, via, value);
CREATE INDEX identity_recovery_addresses_identity_idx ON identity_recovery_addresses (identity_id);

INSERT INTO networks (id, created_at, updated_at) VALUES ('c0570500-0000-4000-8000-000000000001', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z');
