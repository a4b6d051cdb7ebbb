-- Staff answer hotline, phone, mailbox and walk-in questions from the knowledge base too: record
-- where each resolved question came from, as inquiries do.
ALTER TABLE kb_resolutions ADD COLUMN channel TEXT NOT NULL DEFAULT 'miniprogram';
