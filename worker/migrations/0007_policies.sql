-- Policies and their interpretations (政策文件库与政策解读), the 文件依据 of knowledge-base
-- entries, and subscriptions to topics and units (政策主动推送).
CREATE TABLE policies (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  doc_number TEXT,                      -- 文号 as printed (东府办发〔2021〕22号); null when the document has none
  doc_key TEXT,                         -- the same in its normalized form, for lookups however it is typed
  unit_id TEXT NOT NULL REFERENCES units (id),
  issuer_name TEXT,                     -- 发文机关 as printed, when it is a body outside the district too
  signed_date TEXT,                     -- 成文日期, YYYY-MM-DD
  published_date TEXT,                  -- 发布日期
  effective_date TEXT,                  -- 施行日期
  end_date TEXT,                        -- the last day it holds; the cron marks it 已失效 after
  type TEXT NOT NULL CHECK (type IN ('行政规范性文件', '政策性文件', '规划', '工作方案·要点', '其他')),
  topics TEXT NOT NULL DEFAULT '[]',    -- JSON array of knowledge-base topics
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  validity TEXT NOT NULL DEFAULT '现行有效' CHECK (validity IN ('现行有效', '已修改', '已废止', '已失效')),
  sections TEXT NOT NULL DEFAULT '[]',  -- JSON [{ level, heading, text }]
  tables TEXT NOT NULL DEFAULT '[]',    -- JSON [{ rows }]
  preface TEXT,                         -- JSON { title, text }: the notice that issued it
  recipients TEXT NOT NULL DEFAULT '[]',
  attachment_names TEXT NOT NULL DEFAULT '[]', -- 附件说明 as printed
  exemption_reason TEXT,                -- 免于解读: why a policy that needs an interpretation has none
  exemption_by TEXT,
  exemption_at TEXT,
  published_at TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- A random stamp each guarded write sets, so the statements of its batch can tell whether its
  -- own update applied (a timestamp can be shared by two requests: a Worker's clock moves only on I/O).
  revision TEXT
);
CREATE INDEX policies_unit ON policies (unit_id, updated_at);
CREATE INDEX policies_public ON policies (status, published_at);
CREATE INDEX policies_doc_key ON policies (doc_key) WHERE doc_key IS NOT NULL;
CREATE INDEX policies_end ON policies (end_date) WHERE end_date IS NOT NULL;

CREATE TABLE policy_attachments (
  id TEXT PRIMARY KEY,
  policy_id TEXT NOT NULL REFERENCES policies (id),
  purpose TEXT NOT NULL DEFAULT 'attachment' CHECK (purpose IN ('attachment', 'media')), -- media: an interpretation's image
  name TEXT NOT NULL,
  r2_key TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX policy_attachments_policy ON policy_attachments (policy_id, created_at);

-- Each validity change, append-only; replaced_by / amended_by name the document that did it,
-- so a policy shows both what replaced it and what it replaced.
CREATE TABLE policy_validity_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  policy_id TEXT NOT NULL REFERENCES policies (id),
  from_validity TEXT NOT NULL,
  to_validity TEXT NOT NULL,
  reason TEXT NOT NULL,
  replaced_by TEXT REFERENCES policies (id),
  amended_by TEXT REFERENCES policies (id),
  actor_id TEXT,                        -- null: the cron (an end date passed)
  actor_role TEXT,
  at TEXT NOT NULL
);
CREATE INDEX policy_validity_events_policy ON policy_validity_events (policy_id, id);
CREATE INDEX policy_validity_events_replaced ON policy_validity_events (replaced_by) WHERE replaced_by IS NOT NULL;
CREATE INDEX policy_validity_events_amended ON policy_validity_events (amended_by) WHERE amended_by IS NOT NULL;
CREATE TRIGGER policy_validity_events_no_update BEFORE UPDATE ON policy_validity_events
  BEGIN SELECT RAISE(ABORT, 'validity events are append-only'); END;
CREATE TRIGGER policy_validity_events_no_delete BEFORE DELETE ON policy_validity_events
  BEGIN SELECT RAISE(ABORT, 'validity events are append-only'); END;

CREATE TABLE interpretations (
  id TEXT PRIMARY KEY,
  policy_id TEXT NOT NULL REFERENCES policies (id),
  form TEXT NOT NULL CHECK (form IN ('文字解读', '图解', '视频', '问答', '专家解读', '负责人解读', '新闻发布会')),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '[]',      -- JSON array of paragraphs
  media_attachment_id TEXT REFERENCES policy_attachments (id), -- an image (图解) in R2
  video_url TEXT,
  unit_id TEXT NOT NULL REFERENCES units (id), -- the interpreting unit
  interpreter_name TEXT,
  interpreter_title TEXT,
  contact_phone TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX interpretations_policy ON interpretations (policy_id, created_at);
CREATE INDEX interpretations_published ON interpretations (status, published_at);

-- Policy phrasings for the one matcher (shared/match), as faq_phrasings / faq_terms are:
-- title, 文号 (normalized), section headings and sentences of the text.
CREATE TABLE policy_phrasings (
  id INTEGER PRIMARY KEY,
  policy_id TEXT NOT NULL,
  kind TEXT NOT NULL,                   -- q: title or 文号, s: a section heading, k: a sentence of the text
  text TEXT NOT NULL,
  terms TEXT NOT NULL
);
CREATE INDEX policy_phrasings_policy ON policy_phrasings (policy_id);
CREATE VIRTUAL TABLE policy_terms USING fts5 (
  policy_id UNINDEXED,
  kind UNINDEXED,
  text UNINDEXED,
  terms,
  content = 'policy_phrasings',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE policy_terms_vocab USING fts5vocab (policy_terms, 'row');
CREATE TRIGGER policy_phrasings_insert AFTER INSERT ON policy_phrasings BEGIN
  INSERT INTO policy_terms (rowid, policy_id, kind, text, terms) VALUES (new.id, new.policy_id, new.kind, new.text, new.terms);
END;
CREATE TRIGGER policy_phrasings_delete AFTER DELETE ON policy_phrasings BEGIN
  INSERT INTO policy_terms (policy_terms, rowid, policy_id, kind, text, terms) VALUES ('delete', old.id, old.policy_id, old.kind, old.text, old.terms);
END;
CREATE TRIGGER policy_phrasings_update AFTER UPDATE ON policy_phrasings BEGIN
  INSERT INTO policy_terms (policy_terms, rowid, policy_id, kind, text, terms) VALUES ('delete', old.id, old.policy_id, old.kind, old.text, old.terms);
  INSERT INTO policy_terms (rowid, policy_id, kind, text, terms) VALUES (new.id, new.policy_id, new.kind, new.text, new.terms);
END;

-- 文件依据: the policies an entry rests on.
CREATE TABLE faq_policy_basis (
  entry_id TEXT NOT NULL REFERENCES faq_entries (id),
  policy_id TEXT NOT NULL REFERENCES policies (id),
  PRIMARY KEY (entry_id, policy_id)
);
CREATE INDEX faq_policy_basis_policy ON faq_policy_basis (policy_id);

-- 需复核: set when a policy the entry rests on is amended, repealed or expires; cleared by an editor.
ALTER TABLE faq_entries ADD COLUMN review_flagged_at TEXT;
ALTER TABLE faq_entries ADD COLUMN review_reason TEXT;
ALTER TABLE faq_entries ADD COLUMN review_policy_id TEXT;
CREATE INDEX faq_entries_review ON faq_entries (unit_id, review_flagged_at) WHERE review_flagged_at IS NOT NULL;

-- When an entry was first published, for subscriptions (set by the database, whichever route publishes).
ALTER TABLE faq_entries ADD COLUMN published_at TEXT;
UPDATE faq_entries SET published_at = updated_at WHERE status = 'published';
CREATE INDEX faq_entries_published_at ON faq_entries (published_at) WHERE published_at IS NOT NULL;
CREATE TRIGGER faq_entries_published_insert AFTER INSERT ON faq_entries WHEN new.status = 'published' AND new.published_at IS NULL BEGIN
  UPDATE faq_entries SET published_at = new.updated_at WHERE id = new.id;
END;
CREATE TRIGGER faq_entries_published_update AFTER UPDATE OF status ON faq_entries
  WHEN new.status = 'published' AND old.status <> 'published' AND new.published_at IS NULL BEGIN
  UPDATE faq_entries SET published_at = new.updated_at WHERE id = new.id;
END;

-- 政策主动推送: a person follows a topic or a unit. Each notice is sent once per person and item:
-- its outbox row's dedupe key (sub:<item kind>:<item id>:<user>) is the sent-once record.
CREATE TABLE policy_subscriptions (
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'unit')),
  value TEXT NOT NULL,                  -- the topic, or the unit's id
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, kind, value)
);
CREATE INDEX policy_subscriptions_target ON policy_subscriptions (kind, value);
