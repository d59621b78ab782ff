-- Case-involved property (涉案财物, ADR 0054): stores and their places, items seized in a case, their labels, the
-- custody events of each item as a keyed SM3 hash chain, disposals, transfer lists to the procuratorate or court,
-- reminders sent. Times are Unix seconds (UTC); money in fen (0.01 yuan).
CREATE TABLE property_stores (
    id @ID@,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
-- Rooms, shelves or cabinets, and positions: one tree per store (parent_id NULL = a room).
CREATE TABLE property_places (
    id @ID@,
    store_id BIGINT NOT NULL REFERENCES property_stores (id),
    parent_id BIGINT REFERENCES property_places (id),
    level TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL DEFAULT 0,
    UNIQUE (store_id, code)
);
CREATE TABLE property_items (
    id @ID@,
    code TEXT NOT NULL UNIQUE,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    seizure_event_id BIGINT NOT NULL REFERENCES case_events (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    store_id BIGINT REFERENCES property_stores (id),
    place_id BIGINT REFERENCES property_places (id),
    bag_id BIGINT,
    measure TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    quantity DOUBLE PRECISION NOT NULL,
    quantity_unit TEXT NOT NULL,
    value_fen BIGINT NOT NULL DEFAULT 0,
    owner_person_id BIGINT,
    owner_name TEXT NOT NULL DEFAULT '',
    seized_by TEXT NOT NULL,
    seized_at BIGINT NOT NULL,
    seized_place TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    document_no TEXT NOT NULL,
    state TEXT NOT NULL,
    out_purpose TEXT NOT NULL DEFAULT '',
    out_holder TEXT NOT NULL DEFAULT '',
    expected_return_at BIGINT NOT NULL DEFAULT 0,
    review_due TEXT NOT NULL,
    review_basis TEXT NOT NULL DEFAULT '',
    hold_reason TEXT NOT NULL DEFAULT '',
    disposal_state TEXT NOT NULL DEFAULT '',
    held_by_org TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX property_items_case ON property_items (case_id);
CREATE INDEX property_items_seizure ON property_items (seizure_event_id);
CREATE INDEX property_items_unit_state ON property_items (unit_id, state);
CREATE INDEX property_items_store ON property_items (store_id, place_id);
CREATE INDEX property_items_review ON property_items (review_due);
-- Bags and boxes holding several items of one case: labelled like an item.
CREATE TABLE property_bags (
    id @ID@,
    code TEXT NOT NULL UNIQUE,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    label TEXT NOT NULL,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
-- How often each label (item or bag code) was printed: the first print and every reprint, counted here and audited.
CREATE TABLE property_label_prints (
    code TEXT PRIMARY KEY,
    prints INTEGER NOT NULL,
    last_printed_at BIGINT NOT NULL,
    last_printed_by BIGINT NOT NULL
);
-- One row per movement. hash = HMAC-SM3(DeriveKey(master, "property.chain"), canonical content ‖ prev_hash);
-- seq 1 has prev_hash "". Rows are never updated.
CREATE TABLE property_events (
    id @ID@,
    item_id BIGINT NOT NULL REFERENCES property_items (id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at BIGINT NOT NULL,
    actor_id BIGINT NOT NULL,
    actor_unit_id BIGINT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    from_place TEXT NOT NULL DEFAULT '',
    to_place TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT '',
    receiver TEXT NOT NULL DEFAULT '',
    signature_media_id TEXT NOT NULL DEFAULT '',
    photos TEXT NOT NULL DEFAULT '[]',
    batch TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (item_id, seq)
);
CREATE INDEX property_events_kind ON property_events (kind, at);
-- Disposal decisions: requested by the custodian or case officer, approved by a leader (ADR 0054).
CREATE TABLE property_disposals (
    id @ID@,
    item_id BIGINT NOT NULL REFERENCES property_items (id),
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    recipient TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    requested_by BIGINT NOT NULL,
    requested_at BIGINT NOT NULL,
    decided_by BIGINT,
    decided_at BIGINT,
    done_at BIGINT
);
CREATE INDEX property_disposals_item ON property_disposals (item_id);
-- Transfer lists (移送清单) to a procuratorate or court, and their items as the receiver confirmed them.
CREATE TABLE property_transfers (
    id @ID@,
    list_no TEXT NOT NULL UNIQUE,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    receiver_org_id BIGINT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_by BIGINT,
    confirmed_at BIGINT
);
CREATE INDEX property_transfers_org ON property_transfers (receiver_org_id, state);
CREATE TABLE property_transfer_items (
    transfer_id BIGINT NOT NULL REFERENCES property_transfers (id),
    item_id BIGINT NOT NULL REFERENCES property_items (id),
    stays_with_police INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (transfer_id, item_id)
);
-- Disposal reminders sent: one row per item and stage, so each stage goes out exactly once.
CREATE TABLE property_reminders (
    item_id BIGINT NOT NULL REFERENCES property_items (id),
    stage TEXT NOT NULL,
    review_due TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    recipients TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (item_id, stage, review_due)
);
