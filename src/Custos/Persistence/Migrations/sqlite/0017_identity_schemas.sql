-- Identity schemas stored through the admin API (issue 14 §5), beside the configured ones. The primary key is per
-- network; a schema is the JSON text as received, so the content hash every node caches by is stable.
CREATE TABLE identity_schemas (
    id TEXT NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    schema TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (nid, id)
);

-- Deleting a stored schema asks whether any identity still uses it.
CREATE INDEX identities_nid_schema_id_idx ON identities (nid, schema_id);
