#pragma once
// The rules of a courier record (issue 17), the same for the counter and the companies' bulk API:
// - 快递暂行条例 art. 22: the sender's identity is checked and registered (name, document, phone), the receiver's
//   name, phone and address and the item's name are recorded; a resident ID must pass GB 11643.
// - 反恐怖主义法 art. 20: the sender's identity is checked, parcels are inspected (开封验视: at the counter the clerk
//   confirms it and at least one photo shows the opened parcel), and prohibited items are refused.
// - A sender on the person watch list: the record is "held", one alert goes to the outlet's local station, and the
//   clerk sees only the police's neutral instruction (never that there was a hit).
#include <string>
#include <vector>

#include "common/status.hpp"
#include "courier/records/record.hpp"
#include "courier/records/record_repository.hpp"
#include "storage/database.hpp"

namespace jw::courier {

enum class Channel { kCounter, kBulk };

// Checks every field; the first problem as InvalidArgument naming the field: waybill_no (required, bad_format:
// 6–32 letters, digits or '-'), sender_doc_type (invalid_enum), sender_name / receiver_name (required, too_long),
// sender_id (required; resident IDs: CheckIdNumber's problems; other documents: bad_format, 5–30 characters),
// sender_phone / receiver_phone (required; CheckMobile's problem or bad_format for landlines), receiver_address
// (required, too_long), category (invalid_enum), declared_content (required, too_long), declared_value_cents
// (out_of_range), inspected (required: must be true), photos (counter only: opened_photo_required), photos[].kind
// (invalid_enum), accepted_at (out_of_range: in the future), ocr_corrected (invalid_enum).
Status ValidateRecord(const RecordInput& in, Channel channel, int64_t now);

// Validates, then stores the record of `outlet` in `tx` (the caller's write transaction): a prohibited category
// is stored as "refused" with the reason; otherwise `watch` is asked and a hit stores "held" with its neutral
// instruction; else "accepted". The same company + waybill again is "duplicate" with the first record's id and
// changes nothing (idempotent). Photos are attached to the record through media::Attach.
// Errors: ValidateRecord's; the database's; the watch check's.
Result<IntakeOutcome> Intake(storage::Connection& tx, const Outlet& outlet, const RecordInput& in, Channel channel,
                             std::optional<int64_t> clerk_user_id, const WatchCheck& watch, int64_t now);

// Many records at once (the bulk API's post), each with exactly Intake's outcome as if taken one after the other
// in order (a waybill repeated within the batch is "duplicate" of its first), at a few statements per batch
// instead of several per record (ADR 0062): the fields are sealed by the caller before the transaction
// (`SealFields`), existing waybills are looked up in one query, the watch list is asked through `prefilter` in one
// query and `watch` only for the subjects it names, and the records go in one multi-row INSERT. Every item must
// have passed ValidateRecord already and belong to `company_id`'s outlets. Errors: the database's; the watch
// check's (the whole batch fails, as a failed Intake fails its transaction).
struct BatchItem {
    const Outlet* outlet = nullptr;
    RecordInput in;
    SealedFields sealed;
};
Result<std::vector<IntakeOutcome>> IntakeBatch(storage::Connection& tx, int64_t company_id,
                                               const std::vector<BatchItem>& items, Channel channel,
                                               std::optional<int64_t> clerk_user_id, const WatchCheck& watch,
                                               const WatchPrefilter& prefilter, int64_t now);

}  // namespace jw::courier
