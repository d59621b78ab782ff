-- A notification is a catalogue code and its parameters (JSON object of strings); its words are made in the
-- reader's language when shown or sent (common/messages.hpp). title and body stay for rows written before.
ALTER TABLE notifications ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN params TEXT NOT NULL DEFAULT '';
-- The one keyed notification of before (title a web locale key, body its parameters) becomes a coded one.
UPDATE notifications SET code = 'auth.account_locked', params = body, title = '', body = ''
 WHERE title = 'notify.account_locked';
