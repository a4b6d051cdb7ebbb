-- 个人信息保护法: a resident's contact details are kept only as long as the office decides, and a
-- resident may delete their account. The ledger's facts (events, the question, its dates and
-- units) stay; what identifies the person goes.

-- Settings the office changes at run time (the retention period, in months).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_by TEXT REFERENCES users (id),
  updated_at TEXT NOT NULL
);

ALTER TABLE inquiries ADD COLUMN contact_erased_at TEXT;
-- The cron looks only at finished inquiries that still hold contact details.
CREATE INDEX inquiries_contact_kept ON inquiries (status) WHERE contact_erased_at IS NULL AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL);

-- A deleted account keeps its row (the append-only ledger names it as actor) without name,
-- phone or WeChat identity, disabled so that nothing can sign in as it.
ALTER TABLE users ADD COLUMN deleted_at TEXT;
