-- Courier real-name registration (寄递实名, issue 17; 快递暂行条例 art. 22, 反恐怖主义法 art. 20).
-- Personal fields are sealed (SM4, "sm4:…") with blind indexes (HMAC-SM3) for equality look-ups (ADR 0017).
-- Companies and outlets are organisations outside the police (the auth registry's org_id once linked); the
-- columns here are this module's: licence, manager, standard address, local station, API keys.

CREATE TABLE courier_companies (
    id @ID@,
    org_id BIGINT,
    code TEXT NOT NULL UNIQUE,            -- short code used in the bulk API (X-Courier-Company)
    name TEXT NOT NULL,
    licence_no TEXT NOT NULL,             -- 快递业务经营许可证
    api_secret_sealed TEXT NOT NULL DEFAULT '',  -- the company's HMAC-SM3 key, sealed
    created_at BIGINT NOT NULL
);

CREATE TABLE courier_outlets (
    id @ID@,
    org_id BIGINT,
    company_id BIGINT NOT NULL REFERENCES courier_companies(id),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    licence_no TEXT NOT NULL,
    manager_name TEXT NOT NULL,
    manager_phone_sealed TEXT NOT NULL DEFAULT '',
    address_id BIGINT,                    -- the master index's standard address (community_addresses)
    address_text TEXT NOT NULL DEFAULT '',
    township TEXT NOT NULL DEFAULT '',
    station_unit_id BIGINT NOT NULL,      -- the local police station told of hits
    created_at BIGINT NOT NULL
);
CREATE INDEX courier_outlets_company ON courier_outlets (company_id);
CREATE INDEX courier_outlets_station ON courier_outlets (station_unit_id);

-- 从业人员备案: checked like a person in the master index (person_id when found there).
CREATE TABLE courier_staff (
    id @ID@,
    outlet_id BIGINT NOT NULL REFERENCES courier_outlets(id),
    user_id BIGINT,                       -- the account, for clerks and outlet administrators who log in
    role TEXT NOT NULL,                   -- clerk | admin
    name TEXT NOT NULL,                   -- masked in lists
    id_sealed TEXT NOT NULL,
    id_index TEXT NOT NULL,
    phone_sealed TEXT NOT NULL DEFAULT '',
    person_id BIGINT,
    status TEXT NOT NULL,                 -- registered | unmatched (not in the master index) | left
    created_at BIGINT NOT NULL
);
CREATE INDEX courier_staff_outlet ON courier_staff (outlet_id);
CREATE UNIQUE INDEX courier_staff_user ON courier_staff (user_id);

-- One parcel accepted (or refused) at an outlet. Unique by company + waybill: the bulk API is idempotent on it.
CREATE TABLE courier_records (
    id @ID@,
    company_id BIGINT NOT NULL,
    outlet_id BIGINT NOT NULL,
    waybill_no TEXT NOT NULL,
    source TEXT NOT NULL,                 -- counter | bulk
    sender_doc_type TEXT NOT NULL,        -- resident_id | temporary_id | household_register | passport | hk_macao | taiwan
    sender_name_sealed TEXT NOT NULL,
    sender_name_index TEXT NOT NULL,
    sender_id_sealed TEXT NOT NULL,
    sender_id_index TEXT NOT NULL,
    sender_phone_sealed TEXT NOT NULL DEFAULT '',
    sender_phone_index TEXT NOT NULL DEFAULT '',
    id_verified INTEGER NOT NULL,         -- 1: a checked resident ID (GB 11643) or a document the clerk saw
    receiver_name_sealed TEXT NOT NULL,
    receiver_name_index TEXT NOT NULL,
    receiver_phone_sealed TEXT NOT NULL,
    receiver_phone_index TEXT NOT NULL,
    receiver_address_sealed TEXT NOT NULL,
    receiver_address_index TEXT NOT NULL,
    category TEXT NOT NULL,               -- data/categories.csv code
    declared_content TEXT NOT NULL,
    declared_value_cents BIGINT NOT NULL,
    inspected INTEGER NOT NULL,           -- 收寄验视 confirmed by the clerk
    status TEXT NOT NULL,                 -- accepted | refused | held (a watch-list hit: the clerk was asked to wait)
    refusal_reason TEXT NOT NULL DEFAULT '',
    ocr_used INTEGER NOT NULL DEFAULT 0,
    ocr_corrected TEXT NOT NULL DEFAULT '', -- the OCR fields the clerk corrected, comma-separated
    clerk_user_id BIGINT,
    accepted_at BIGINT NOT NULL,          -- when the parcel was taken at the counter
    uploaded_at BIGINT NOT NULL,          -- when the record reached the platform (late when > accepted_at + 24 h)
    day TEXT NOT NULL                     -- accepted_at's date in China, YYYY-MM-DD, for per-day rates
);
CREATE UNIQUE INDEX courier_records_waybill ON courier_records (company_id, waybill_no);
CREATE INDEX courier_records_outlet_day ON courier_records (outlet_id, day);
CREATE INDEX courier_records_sender ON courier_records (sender_id_index);
CREATE INDEX courier_records_sender_phone ON courier_records (sender_phone_index);
CREATE INDEX courier_records_receiver_phone ON courier_records (receiver_phone_index);
CREATE INDEX courier_records_receiver_address ON courier_records (receiver_address_index);
CREATE INDEX courier_records_day ON courier_records (day);

CREATE TABLE courier_record_photos (
    record_id BIGINT NOT NULL,
    media_id TEXT NOT NULL,
    kind TEXT NOT NULL,                   -- opened (验视: the open parcel) | parcel | card
    PRIMARY KEY (record_id, media_id)
);

-- Bulk API replay protection: a (company, nonce) is accepted once; rows older than the window are purged.
CREATE TABLE courier_api_nonces (
    company_id BIGINT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (company_id, nonce)
);

-- Inspections of outlets with their findings and the rectification notice (责令整改通知书) to closure.
CREATE TABLE courier_inspections (
    id @ID@,
    outlet_id BIGINT NOT NULL,
    inspector_user_id BIGINT NOT NULL,
    inspected_at BIGINT NOT NULL,
    findings TEXT NOT NULL,
    notice_no TEXT NOT NULL DEFAULT '',
    rectify_by BIGINT,
    status TEXT NOT NULL,                 -- passed | rectifying | closed
    closed_at BIGINT,
    closing_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX courier_inspections_outlet ON courier_inspections (outlet_id);
