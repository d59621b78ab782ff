-- Exceptions to "a search names a case the user may see" (issue 13): an analyst asks, with a reason, to search
-- under a case number that is not (yet) a case of theirs; a leader approves or rejects it. An approved exception
-- is the basis of that user's searches under that number until valid_until. Every step is in the audit log.
CREATE TABLE analysis_exceptions (
    id @ID@,
    user_id BIGINT NOT NULL,
    username TEXT NOT NULL,
    case_no TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,              -- pending | approved | rejected
    requested_at BIGINT NOT NULL,
    decided_by BIGINT,
    decider_name TEXT NOT NULL DEFAULT '',
    decided_at BIGINT,
    decision_note TEXT NOT NULL DEFAULT '',
    valid_until BIGINT
);
CREATE INDEX analysis_exceptions_user_case ON analysis_exceptions (user_id, case_no);
CREATE INDEX analysis_exceptions_status ON analysis_exceptions (status, id);
