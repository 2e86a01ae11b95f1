-- Courier claims become leases that the claiming worker renews: lease_token names the claim, lease_expires_at ends it
-- unless renewed, send_started_at marks a send that began under the lease (committed before the channel is called).
ALTER TABLE courier_messages ADD COLUMN lease_token TEXT NULL;
ALTER TABLE courier_messages ADD COLUMN lease_expires_at TEXT NULL;
ALTER TABLE courier_messages ADD COLUMN send_started_at TEXT NULL;
-- Messages claimed before leases existed keep the old rule: taken over 10 minutes after the claim.
UPDATE courier_messages SET lease_expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+10 minutes') WHERE status = 'processing';
