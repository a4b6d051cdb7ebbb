-- 高频事项 (003 §(七)): questions residents asked that the knowledge base did not answer — a
-- search with no answer, 没帮助 on an entry a search reached, an inquiry asked after searching —
-- so that editors see what to write next. Only the words are kept: no user, session or address,
-- nothing that tells who asked. The cron deletes rows older than a year.
CREATE TABLE search_misses (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('no_answer', 'unhelpful', 'inquiry')),
  at TEXT NOT NULL,
  -- Known from the entry a search reached or from the inquiry's routing; null when nothing tells.
  unit_id TEXT,
  -- The entry marked 没帮助: the matcher finding it again does not make the question answered.
  entry_id TEXT,
  -- The inquiry asked after the search, whose reply may become the entry's answer.
  inquiry_id TEXT
);
CREATE INDEX search_misses_at ON search_misses (at);
