ALTER TABLE courier_messages ADD COLUMN template_data TEXT NULL;
ALTER TABLE courier_messages ADD COLUMN html_body TEXT NULL;
ALTER TABLE courier_messages ADD COLUMN send_after TIMESTAMPTZ NULL;
CREATE TABLE courier_message_dispatches (
    id UUID PRIMARY KEY,
    message_id UUID NOT NULL REFERENCES courier_messages (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    error TEXT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX courier_message_dispatches_message_id_idx ON courier_message_dispatches (message_id, created_at);
CREATE INDEX courier_message_dispatches_nid_idx ON courier_message_dispatches (nid);
