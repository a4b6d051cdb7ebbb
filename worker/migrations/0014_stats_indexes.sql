-- The figures (GET /api/stats) are aggregates over a period: each reads one indexed range of
-- time, covering the columns it counts by, instead of the whole ledger (bench:stats: 100,000
-- inquiries, 1,000,000 events).
CREATE INDEX inquiries_received ON inquiries (received_at, unit_id, channel);
CREATE INDEX inquiries_replied ON inquiries (replied_at, unit_id, due_at, received_at, stopped_days) WHERE replied_at IS NOT NULL;
CREATE INDEX inquiries_rated ON inquiries (rated_at, unit_id, rating) WHERE rated_at IS NOT NULL;
CREATE INDEX inquiry_events_type_at ON inquiry_events (type, at, inquiry_id);
CREATE INDEX kb_resolutions_at ON kb_resolutions (at, entry_id);
CREATE INDEX followups_created ON followups (created_at);
