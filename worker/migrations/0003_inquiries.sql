-- Inquiries, the ledger (政策咨询台账) and working-day reply deadlines.

-- A newly announced year's holiday schedule, entered by the office; it replaces the packaged one.
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  holidays TEXT NOT NULL,               -- JSON [{ date, name }]
  workdays TEXT NOT NULL,               -- JSON [{ date, name }] adjusted workdays (调休上班)
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Which unit answers a topic when the resident does not choose one.
CREATE TABLE topic_routes (
  topic TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units (id),
  updated_at TEXT NOT NULL
);

CREATE TABLE ticket_counters (
  day TEXT PRIMARY KEY,                 -- YYYYMMDD, Asia/Shanghai
  last INTEGER NOT NULL
);

CREATE TABLE inquiries (
  id TEXT PRIMARY KEY,
  ticket TEXT NOT NULL UNIQUE,          -- ZX20261123-0007
  resident_id TEXT REFERENCES users (id),
  channel TEXT NOT NULL CHECK (channel IN ('miniprogram', 'hotline', 'phone', 'mailbox', 'window')),
  question TEXT NOT NULL,
  topic TEXT,
  unit_id TEXT REFERENCES units (id),
  answerer_id TEXT REFERENCES users (id),
  status TEXT NOT NULL CHECK (status IN ('submitted', 'assigned', 'awaiting_resident', 'answered', 'closed', 'withdrawn')),
  simple INTEGER NOT NULL DEFAULT 0,
  received_at TEXT NOT NULL,            -- ISO instant
  due_at TEXT NOT NULL,                 -- ISO instant, 23:59:59 Asia/Shanghai of the last working day
  due_provisional INTEGER NOT NULL DEFAULT 0,
  stopped_days INTEGER NOT NULL DEFAULT 0, -- working days the clock stood still awaiting the resident
  paused_at TEXT,                       -- set while awaiting_resident
  contact_name TEXT,
  contact_phone TEXT,
  consent_publish INTEGER NOT NULL DEFAULT 0,
  reply TEXT,
  replied_at TEXT,
  replied_by TEXT,
  rating TEXT CHECK (rating IN ('非常满意', '满意', '基本满意', '不满意', '非常不满意')),
  rated_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,   -- every change bumps it; a stale writer gets 409
  created_by TEXT NOT NULL,
  idempotency_key TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (created_by, idempotency_key)
);
CREATE INDEX inquiries_resident ON inquiries (resident_id, received_at);
CREATE INDEX inquiries_unit ON inquiries (unit_id, status, due_at);
CREATE INDEX inquiries_open_due ON inquiries (status, due_at);

-- The ledger: every change to an inquiry, append-only.
CREATE TABLE inquiry_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inquiry_id TEXT NOT NULL REFERENCES inquiries (id),
  at TEXT NOT NULL,
  actor_id TEXT,                        -- NULL for the system (routing, reminders, calendar)
  actor_role TEXT,
  type TEXT NOT NULL,
  public INTEGER NOT NULL,              -- shown to the resident
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX inquiry_events_inquiry ON inquiry_events (inquiry_id, id);
CREATE TRIGGER inquiry_events_no_update BEFORE UPDATE ON inquiry_events
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER inquiry_events_no_delete BEFORE DELETE ON inquiry_events
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

-- "这解决了我的问题": questions the knowledge base answered before any inquiry was made.
CREATE TABLE kb_resolutions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  question TEXT NOT NULL,
  entry_id TEXT NOT NULL REFERENCES faq_entries (id),
  user_id TEXT,
  at TEXT NOT NULL
);

-- 回访: opened by a 不满意/非常不满意 rating, worked by the office.
CREATE TABLE followups (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inquiry_id TEXT NOT NULL UNIQUE REFERENCES inquiries (id),
  rating TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  created_at TEXT NOT NULL
);

-- Notifications to deliver, written in the same batch as the change that causes them.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key TEXT NOT NULL UNIQUE,      -- a reminder is sent once, however often the job runs
  user_id TEXT NOT NULL REFERENCES users (id),
  inquiry_id TEXT REFERENCES inquiries (id),
  kind TEXT NOT NULL,                   -- reply, clarification, due_soon, overdue, assigned, …
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  delivered_at TEXT,
  wechat_status TEXT,                   -- sent, skipped (no grant), failed
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (delivered_at, next_attempt_at);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  inquiry_id TEXT,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);

-- WeChat sign-in identity and one-time subscribe-message grants (wx.requestSubscribeMessage).
ALTER TABLE users ADD COLUMN openid TEXT;
CREATE UNIQUE INDEX users_openid ON users (openid) WHERE openid IS NOT NULL;
CREATE TABLE wechat_grants (
  user_id TEXT NOT NULL REFERENCES users (id),
  template_id TEXT NOT NULL,
  remaining INTEGER NOT NULL,
  PRIMARY KEY (user_id, template_id)
);
