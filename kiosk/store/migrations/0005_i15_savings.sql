-- 0005 (issue 15): vouchers printed here (and as the server settles them), and each
-- member's savings totals per year and partner, measured or declared (from the feed).
-- Both go with their member (ON DELETE CASCADE): an erasure or a wipe leaves nothing.
CREATE TABLE vouchers (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    issuer_key_id TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    offer_id TEXT NOT NULL,              -- no foreign key: a printed voucher outlives its offer's removal
    partner_id TEXT NOT NULL,
    issued TEXT NOT NULL,                -- ISO date
    expires TEXT NOT NULL,               -- ISO date, inclusive
    status TEXT NOT NULL DEFAULT 'open', -- open | used | refused
    used_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX vouchers_member ON vouchers(member_id, offer_id);

CREATE TABLE member_savings (
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    partner_id TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- measured | declared
    label TEXT NOT NULL,                 -- the partner's name when last counted
    amount_cents INTEGER NOT NULL,
    uses INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (member_id, year, partner_id, kind)
);
