-- Exports of the ledger (台账) and answers published for everyone to read (咨询公开).

-- Who exported the ledger, when, for which period and how many rows; never what the rows held.
-- An export with the residents' contact details says so (`contacts` 1): it is personal data leaving the system.
CREATE TABLE export_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inquiries', 'stats')),
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL,
  unit_id TEXT,
  format TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
  row_count INTEGER NOT NULL,
  contacts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX export_log_at ON export_log (at);
CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;
CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;

-- 咨询公开: an answered inquiry's question and reply as the editor confirmed them with the personal
-- data masked. Only the topic, the unit and the day travel with it: no ticket, no resident, no contact.
CREATE TABLE publications (
  id TEXT PRIMARY KEY,
  inquiry_id TEXT NOT NULL UNIQUE REFERENCES inquiries (id),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  topic TEXT,
  unit_id TEXT REFERENCES units (id),
  published_day TEXT NOT NULL,          -- YYYY-MM-DD, Asia/Shanghai
  published_by TEXT NOT NULL REFERENCES users (id),
  published_at TEXT NOT NULL
);
CREATE INDEX publications_recent ON publications (published_at, id);
CREATE INDEX publications_topic ON publications (topic, published_at, id);
