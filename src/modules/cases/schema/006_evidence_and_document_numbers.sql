-- Issue 13: the case's evidence list and the register of document numbers.
-- case_evidence: one item of evidence (公安机关办理行政案件程序规定 第二十六条 lists the kinds). The description
-- and the collector may name people, so description is SM4-sealed like the people's fields (ADR 0017).
CREATE TABLE case_evidence (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    collected_at BIGINT NOT NULL,
    collected_by TEXT NOT NULL,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX case_evidence_case ON case_evidence (case_id, id);
-- case_document_numbers: the number a document of a case was issued under. One per case and document type
-- (a re-print shows it again); the sequence of (issuing unit, type, year) never repeats (second UNIQUE) and never
-- skips, because it is taken from case_number_seq in the same transaction as this row (document_register.hpp).
CREATE TABLE case_document_numbers (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    doc_type TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    year INTEGER NOT NULL,
    seq BIGINT NOT NULL,
    number TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    issued_by BIGINT NOT NULL,
    UNIQUE (case_id, doc_type),
    UNIQUE (unit_id, doc_type, year, seq)
);
-- 文号 schemes (公安行政法律文书式样: ×公（ ）行罚决字〔 〕 号). {abbr} the issuing bureau's short name
-- (setting doc_abbrev.<unit id>, else the first character of its name), {year}, {seq}.
INSERT INTO case_settings (name, value) VALUES ('doc_scheme.penalty_decision', '{abbr}公（治）行罚决字〔{year}〕{seq}号');
INSERT INTO case_settings (name, value) VALUES ('doc_scheme.filing_decision', '{abbr}公（{kind}）立字〔{year}〕{seq}号');
INSERT INTO case_settings (name, value) VALUES ('doc_scheme.not_filed_notice', '{abbr}公（{kind}）不立字〔{year}〕{seq}号');
