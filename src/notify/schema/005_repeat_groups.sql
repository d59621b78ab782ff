-- Repeats collapse into one line of the inbox (issue 13): notifications with the same kind and the same title
-- (as the reader sees it: code and rendered zh-CN title) share a group key, set when they are written. Rows written
-- before have none and stay single lines (the list groups an empty key by the row's own id).
ALTER TABLE notifications ADD COLUMN group_key TEXT NOT NULL DEFAULT '';
CREATE INDEX notifications_user_group ON notifications (user_id, group_key, id);
