-- 0006 (issue 12, i12b): neighbours' exchanges and time credits.
-- Posts and contact requests go with their member (ON DELETE CASCADE). The ledger's
-- rows carry no foreign key: a transfer may name a member of another building (its
-- entries for them are kept so a transfer always sums to zero); balances are derived
-- from time_entries alone, never stored.
CREATE TABLE exchanges (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    building_id TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- offer | request
    category TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',   -- pending | published | refused | closed
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchanges_browse ON exchanges(status, category, created_at);
CREATE INDEX exchanges_member ON exchanges(member_id);

CREATE TABLE exchange_contacts (
    id TEXT PRIMARY KEY,
    exchange_id TEXT NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
    from_member_id TEXT NOT NULL,
    to_member_id TEXT NOT NULL,
    building_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_contacts_to ON exchange_contacts(to_member_id);

CREATE TABLE time_transfers (
    id TEXT PRIMARY KEY,
    building_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    confirmed_by TEXT NOT NULL,          -- cards | staff | office
    staff_id TEXT NOT NULL DEFAULT '',
    reverses TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX time_transfers_reverses ON time_transfers(reverses);

CREATE TABLE time_entries (
    transfer_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    PRIMARY KEY (transfer_id, member_id)
);
CREATE INDEX time_entries_member ON time_entries(member_id);
