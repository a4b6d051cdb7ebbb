-- Units, staff and residents: the basis of every role and unit check.
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('office', 'department', 'street')),
  sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('resident', 'answerer', 'editor', 'office')),
  unit_id TEXT REFERENCES units (id),
  name TEXT,
  created_at TEXT NOT NULL,
  CHECK ((role = 'resident') = (unit_id IS NULL))
);

-- The policy knowledge base (政策问答库).
CREATE TABLE faq_entries (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  similar TEXT NOT NULL DEFAULT '[]',   -- JSON array of 相似问法
  keywords TEXT NOT NULL DEFAULT '[]',  -- JSON array
  topic TEXT NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  valid_from TEXT,                      -- YYYY-MM-DD, inclusive
  valid_until TEXT,                     -- YYYY-MM-DD, inclusive
  views INTEGER NOT NULL DEFAULT 0,
  helpful INTEGER NOT NULL DEFAULT 0,
  unhelpful INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX faq_entries_unit ON faq_entries (unit_id, updated_at);
CREATE INDEX faq_entries_topic ON faq_entries (status, topic, views);
CREATE INDEX faq_entries_views ON faq_entries (status, views);

-- One row per phrasing (standard question, each 相似问法, keywords); `terms` holds the
-- matcher's own space-separated tokens, so FTS5's unicode61 tokenizer only splits on spaces.
CREATE VIRTUAL TABLE faq_terms USING fts5 (
  entry_id UNINDEXED,
  kind UNINDEXED,
  text UNINDEXED,
  terms,
  tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE faq_terms_vocab USING fts5vocab (faq_terms, 'row');

-- The office-editable synonym list: each group's words mean the same to a resident.
CREATE TABLE synonym_groups (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  terms TEXT NOT NULL,                  -- JSON array, first is the preferred form
  updated_at TEXT NOT NULL
);

-- 有帮助 / 没帮助: counted on faq_entries, one vote per voter per entry.
CREATE TABLE faq_feedback (
  entry_id TEXT NOT NULL REFERENCES faq_entries (id) ON DELETE CASCADE,
  voter TEXT NOT NULL,
  helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  created_at TEXT NOT NULL,
  PRIMARY KEY (entry_id, voter)
);

-- The office's own unit exists from the start so the first office account can be bound to it.
INSERT INTO units (id, name, kind, sort) VALUES ('u_office', '区政府办公室', 'office', 0);
