CREATE TABLE case_reviews (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    round INTEGER NOT NULL,
    reviewer_id BIGINT NOT NULL REFERENCES users (id),
    opinion TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL,
    UNIQUE (case_id, round)
);
CREATE TABLE review_problems (
    id @ID@,
    review_id BIGINT NOT NULL REFERENCES case_reviews (id),
    case_id BIGINT NOT NULL REFERENCES cases (id),
    officer_id BIGINT NOT NULL REFERENCES users (id),
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    raised_at BIGINT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    answered_by BIGINT NOT NULL DEFAULT 0,
    answered_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX review_problems_case ON review_problems (case_id, answered_at);
CREATE INDEX review_problems_officer ON review_problems (officer_id);
CREATE TABLE review_steps (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    step TEXT NOT NULL,
    actor_id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_steps_case ON review_steps (case_id, id);
CREATE TABLE supervision_reminders (
    id @ID@,
    idempotency_key TEXT NOT NULL UNIQUE,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    clock TEXT NOT NULL,
    stage TEXT NOT NULL,
    due_date TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    recipients TEXT NOT NULL
);
CREATE INDEX supervision_reminders_case ON supervision_reminders (case_id, stage);
CREATE TABLE supervision_letters (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    officer_id BIGINT NOT NULL,
    letter_no TEXT NOT NULL UNIQUE,
    clock TEXT NOT NULL,
    problem TEXT NOT NULL,
    rule TEXT NOT NULL,
    basis TEXT NOT NULL,
    due_date TEXT NOT NULL,
    fix_by TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    reminder_key TEXT NOT NULL UNIQUE
);
CREATE INDEX supervision_letters_unit ON supervision_letters (unit_id, issued_at);
