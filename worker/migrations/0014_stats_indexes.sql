-- The figures (GET /api/stats) are aggregates over a period: each reads one indexed range of
-- time instead of the whole ledger (bench:stats: 100,000 inquiries, 1,000,000 events).
CREATE INDEX inquiries_received ON inquiries (received_at);
CREATE INDEX inquiries_rated ON inquiries (rated_at) WHERE rated_at IS NOT NULL;
CREATE INDEX inquiry_events_type_at ON inquiry_events (type, at);
CREATE INDEX kb_resolutions_at ON kb_resolutions (at);
CREATE INDEX followups_created ON followups (created_at);
