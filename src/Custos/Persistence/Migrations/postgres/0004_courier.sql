CREATE TABLE courier_messages (
    id UUID PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    template_type TEXT NOT NULL DEFAULT '',
    channel TEXT NULL,
    send_count INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX courier_messages_nid_created_at_id_idx ON courier_messages (nid, created_at, id);
CREATE INDEX courier_messages_status_idx ON courier_messages (nid, status, created_at);
