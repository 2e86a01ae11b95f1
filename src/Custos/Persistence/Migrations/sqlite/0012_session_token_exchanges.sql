-- Session token exchanges of native social sign-in (Kratos's table and columns). init_code and return_to_code hold
-- SHA-256 hex digests of the codes, never the codes: the init code is shown once when the API flow is created, the
-- return-to code once in the redirect that ends the flow (return_to_code is '' until then). A row is single use: the
-- exchange deletes it.
CREATE TABLE session_token_exchanges (
    id TEXT PRIMARY KEY,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    flow_id TEXT NOT NULL,
    session_id TEXT REFERENCES sessions (id) ON DELETE CASCADE,
    init_code TEXT NOT NULL,
    return_to_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX session_token_exchanges_init_code_uq ON session_token_exchanges (init_code, nid);
CREATE INDEX session_token_exchanges_flow_id_idx ON session_token_exchanges (flow_id, nid);
CREATE INDEX session_token_exchanges_created_at_idx ON session_token_exchanges (created_at);
