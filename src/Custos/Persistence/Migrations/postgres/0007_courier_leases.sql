-- Courier claims become leases that the claiming worker renews: lease_token names the claim, lease_expires_at ends it
-- unless renewed, send_started_at marks a send that began under the lease (committed before the channel is called).
ALTER TABLE courier_messages ADD COLUMN lease_token UUID NULL;
ALTER TABLE courier_messages ADD COLUMN lease_expires_at TIMESTAMPTZ NULL;
ALTER TABLE courier_messages ADD COLUMN send_started_at TIMESTAMPTZ NULL;
-- Messages claimed before leases existed keep the old rule: taken over 10 minutes after the claim.
UPDATE courier_messages SET lease_expires_at = updated_at + INTERVAL '10 minutes' WHERE status = 'processing';
