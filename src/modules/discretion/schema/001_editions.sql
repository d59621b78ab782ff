CREATE TABLE discretion_editions (
    id @ID@,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    sample INTEGER NOT NULL,
    status TEXT NOT NULL,
    based_on BIGINT,
    content_hash TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    submitted_by BIGINT NOT NULL DEFAULT 0,
    submitted_at BIGINT NOT NULL DEFAULT 0,
    reviewed_by BIGINT NOT NULL DEFAULT 0,
    reviewed_at BIGINT NOT NULL DEFAULT 0,
    published_at BIGINT NOT NULL DEFAULT 0,
    review_note TEXT NOT NULL DEFAULT '',
    UNIQUE (code, version)
);
CREATE INDEX discretion_editions_status ON discretion_editions (status, published_at);
CREATE TABLE discretion_circumstances (
    edition_id BIGINT NOT NULL REFERENCES discretion_editions (id),
    id TEXT NOT NULL,
    law TEXT NOT NULL,
    article INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    description TEXT NOT NULL,
    base_detention INTEGER NOT NULL,
    base_fine BIGINT NOT NULL,
    pick TEXT NOT NULL,
    add_fine INTEGER,
    PRIMARY KEY (edition_id, id)
);
CREATE INDEX discretion_circumstances_article ON discretion_circumstances (edition_id, law, article);
CREATE TABLE discretion_factor_percents (
    edition_id BIGINT NOT NULL REFERENCES discretion_editions (id),
    law TEXT NOT NULL,
    code TEXT NOT NULL,
    percent INTEGER NOT NULL,
    PRIMARY KEY (edition_id, law, code)
);
