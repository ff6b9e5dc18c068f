-- 0006 (issue 12, membership fee): cash payments recorded here (and as the server keeps
-- them, from the feed), and this device's receipt counter, bumped in the same
-- transaction as the payment so a receipt number is never given twice.
CREATE TABLE fee_payments (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 12),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    paid_on TEXT NOT NULL,                   -- ISO date (the kiosk's local day)
    receipt_number TEXT NOT NULL UNIQUE,     -- <device short id>-<counter>
    staff_id TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'recorded'  -- recorded | refused
);
CREATE INDEX fee_payments_member ON fee_payments(member_id, paid_on);

CREATE TABLE fee_receipt_counter (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    last INTEGER NOT NULL
);

-- The club's fee policy, on its estate (from the feed; 0 = free).
ALTER TABLE estates ADD COLUMN fee_tenant_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE estates ADD COLUMN fee_other_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE estates ADD COLUMN fee_blocks_lending INTEGER NOT NULL DEFAULT 0;

-- Volunteer-run workshops: an event's member hosts, JSON [{member_id, first_name}] (from the feed).
ALTER TABLE events ADD COLUMN hosts TEXT NOT NULL DEFAULT '[]';
