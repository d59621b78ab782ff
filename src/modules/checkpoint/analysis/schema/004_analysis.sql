-- Analysis tasks (issue 6 § Analyses): every analysis run over the pass engine, inline or in the background,
-- with its purpose and case number; results saved to a case (case_no of the cases module's `cases` table).
CREATE TABLE analysis_tasks (
    id @ID@,
    user_id BIGINT NOT NULL,
    username TEXT NOT NULL,
    kind TEXT NOT NULL,
    params TEXT NOT NULL,
    limits TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL,
    case_no TEXT NOT NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0,
    phase TEXT NOT NULL DEFAULT '',
    result TEXT,
    row_count BIGINT NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT
);
CREATE INDEX analysis_tasks_user ON analysis_tasks (user_id, id);
CREATE INDEX analysis_tasks_status ON analysis_tasks (status);

CREATE TABLE analysis_case_links (
    id @ID@,
    task_id BIGINT NOT NULL REFERENCES analysis_tasks (id),
    case_no TEXT NOT NULL,
    saved_by BIGINT NOT NULL,
    saved_at BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (task_id, case_no)
);
CREATE INDEX analysis_case_links_case ON analysis_case_links (case_no);
