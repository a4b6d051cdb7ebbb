-- A notice can open the page it is about: a policy, an entry, a staff list (an app path such as
-- pages/policy/index?id=…). Inquiry notices keep opening their inquiry through inquiry_id.
ALTER TABLE outbox ADD COLUMN link TEXT;
ALTER TABLE notifications ADD COLUMN link TEXT;
