-- Real accounts: sessions on the server, phone codes, invitations, the unit tree, the public
-- roster and the limiter's counters.

-- Units form a tree: city → districts → departments and streets/towns → communities/villages.
-- SQLite cannot change a CHECK in place, so the table is rebuilt. Rows referencing units are
-- left dangling between the DROP and the INSERT; with deferred foreign keys the INSERT of each
-- parent row settles them again before the migration commits.
PRAGMA defer_foreign_keys = on;
CREATE TABLE units_copy AS SELECT id, name, kind, sort FROM units;
DROP TABLE units;
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('city', 'district', 'office', 'department', 'street', 'community')),
  parent_id TEXT REFERENCES units (id),
  sort INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT,                      -- retired units keep their history and take no new work
  CHECK (parent_id IS NULL OR parent_id <> id)
);
-- The district every existing unit belongs to; the office renames it (the demo calls it 清河区).
INSERT INTO units (id, name, kind, parent_id, sort) VALUES ('u_district', '本区', 'district', NULL, 0);
INSERT INTO units (id, name, kind, parent_id, sort) SELECT id, name, kind, 'u_district', sort FROM units_copy;
DROP TABLE units_copy;
CREATE INDEX units_parent ON units (parent_id, sort);
PRAGMA defer_foreign_keys = off;

-- People: an account is active or disabled; staff carry a public roster profile.
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled'));
ALTER TABLE users ADD COLUMN phone TEXT;             -- verified by a one-time code; personal, never public
ALTER TABLE users ADD COLUMN title TEXT;             -- 职务, public for answerers
ALTER TABLE users ADD COLUMN work_phone TEXT;        -- 办公电话, public for answerers
ALTER TABLE users ADD COLUMN office_hours TEXT;      -- public for answerers
ALTER TABLE users ADD COLUMN topics TEXT NOT NULL DEFAULT '[]'; -- JSON array of knowledge-base topics
ALTER TABLE users ADD COLUMN intro TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
CREATE UNIQUE INDEX users_phone ON users (phone) WHERE phone IS NOT NULL;
CREATE INDEX users_unit_role ON users (unit_id, role, status);

-- Sessions live on the server: each request reads its session with its user, so signing out,
-- disabling an account and changing a role or unit act on the very next request.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,                  -- SHA-256 of the bearer token (hex); the token itself is never stored
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  method TEXT NOT NULL,                 -- weapp, sms, dev
  client TEXT,                          -- what the device said it is, for the session list
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id, created_at);

-- One-time sign-in codes sent by SMS.
CREATE TABLE phone_codes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phone TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,  -- wrong tries; the code is dead at 5
  used_at TEXT
);
CREATE INDEX phone_codes_phone ON phone_codes (phone, id);

-- Staff invitations: bound to a unit and a role, used once, for 7 days.
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  code_hash TEXT NOT NULL UNIQUE,
  unit_id TEXT NOT NULL REFERENCES units (id),
  role TEXT NOT NULL CHECK (role IN ('answerer', 'editor', 'office')),
  name TEXT,                            -- who it is meant for, as the inviter wrote it
  created_by TEXT REFERENCES users (id), -- NULL: printed by the command line for a new district
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  used_by TEXT REFERENCES users (id),
  revoked_at TEXT
);
CREATE INDEX invitations_unit ON invitations (unit_id, created_at);

-- The limiter: one counter per key and fixed window.
CREATE TABLE rate_counters (
  key TEXT NOT NULL,
  window_start INTEGER NOT NULL,        -- unix seconds
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
) WITHOUT ROWID;
