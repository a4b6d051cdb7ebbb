-- 回访 worked to an end, and a resident's 追问: both send an answered inquiry back to its unit.

-- How a follow-up ended: closed after the call, or the inquiry reopened to its unit.
ALTER TABLE followups ADD COLUMN closed_at TEXT;
ALTER TABLE followups ADD COLUMN closed_by TEXT REFERENCES users (id);
ALTER TABLE followups ADD COLUMN outcome TEXT CHECK (outcome IN ('closed', 'reopened'));
ALTER TABLE followups ADD COLUMN note TEXT;
CREATE INDEX followups_status ON followups (status, created_at);

-- Each call the office made to the resident: whether it reached them, and what was said.
CREATE TABLE followup_calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  followup_id INTEGER NOT NULL REFERENCES followups (id),
  at TEXT NOT NULL,
  by_id TEXT NOT NULL REFERENCES users (id),
  reached INTEGER NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX followup_calls_followup ON followup_calls (followup_id, id);

-- When the reply clock last started again (reopened by the office, or a 追问): the new due date
-- counts from here, not from receipt.
ALTER TABLE inquiries ADD COLUMN reopened_at TEXT;
-- The resident's one follow-up question (追问) on the reply.
ALTER TABLE inquiries ADD COLUMN followup_question_at TEXT;
