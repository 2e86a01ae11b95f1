ALTER TABLE courier_messages ADD COLUMN template_data TEXT NULL;
ALTER TABLE courier_messages ADD COLUMN html_body TEXT NULL;
ALTER TABLE courier_messages ADD COLUMN send_after TEXT NULL;
CREATE TABLE courier_message_dispatches (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES courier_messages (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    error TEXT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX courier_message_dispatches_message_id_idx ON courier_message_dispatches (message_id, created_at);
CREATE INDEX courier_message_dispatches_nid_idx ON courier_message_dispatches (nid);
