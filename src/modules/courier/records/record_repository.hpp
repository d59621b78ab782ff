#pragma once
// All SQL of courier records (issue 17). Personal fields are sealed here (courier_keys.hpp) with blind indexes
// for the equality searches. Thread safety: the connection's.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "courier/records/record.hpp"
#include "storage/database.hpp"

namespace jw::courier {

struct NewRecord {
    RecordInput in;
    int64_t company_id = 0, outlet_id = 0, uploaded_at = 0;
    std::string source, status, refusal_reason;
    bool id_verified = false;
    std::optional<int64_t> clerk_user_id;
};

// A record's personal fields sealed (SM4) with their blind indexes: the costly part of storing a record, done
// before the write transaction (the bulk API seals a post's records on the request's thread).
struct SealedFields {
    std::string sender_name, sender_name_index, sender_id, sender_id_index, sender_phone, sender_phone_index;
    std::string receiver_name, receiver_name_index, receiver_phone, receiver_phone_index, receiver_address,
        receiver_address_index;
};
SealedFields SealFields(const RecordInput& in);

// The record's id for company + waybill, or nullopt.
Result<std::optional<int64_t>> FindRecordByWaybill(storage::Connection& c, int64_t company_id,
                                                   const std::string& waybill_no);
// The ids of those of `waybills` the company already has: waybill → id, one statement per 1,024 waybills.
Result<std::map<std::string, int64_t>> FindRecordsByWaybill(storage::Connection& c, int64_t company_id,
                                                            const std::vector<std::string>& waybills);
// Error: Conflict on a repeated company + waybill; the database's.
Result<int64_t> InsertRecord(storage::Connection& c, const NewRecord& r);
// Many records in one multi-row INSERT (fields sealed beforehand: `sealed[i]` of `rows[i]`); their ids in order.
// All or nothing within the caller's transaction. Errors as InsertRecord's.
Result<std::vector<int64_t>> InsertRecords(storage::Connection& c, const std::vector<NewRecord>& rows,
                                           const std::vector<const SealedFields*>& sealed);
Status InsertRecordPhoto(storage::Connection& c, int64_t record_id, const std::string& media_id,
                         const std::string& kind);
// The outlet of record `id`, or nullopt when there is no such record.
Result<std::optional<int64_t>> RecordOutlet(storage::Connection& c, int64_t id);
struct RecordPhoto {
    std::string media_id, kind;  // kind: opened | parcel | card
};
Result<std::vector<RecordPhoto>> RecordPhotos(storage::Connection& c, int64_t record_id);
// The row values of a record in the order of RecordColumns() (for storage::BulkLoader).
const std::vector<std::string>& RecordColumns();
storage::Params RecordRow(const NewRecord& r);
storage::Params RecordRow(const NewRecord& r, const SealedFields& sealed);
// "YYYY-MM-DD" of instant t in China.
std::string ChinaDate(int64_t t);

// A record as the police see it: masked unless `full`.
struct RecordView {
    int64_t id = 0, company_id = 0, outlet_id = 0, accepted_at = 0, uploaded_at = 0, declared_value_cents = 0;
    std::string waybill_no, source, sender_doc_type, sender_name, sender_id, sender_phone, receiver_name,
        receiver_phone, receiver_address, category, declared_content, status, refusal_reason, outlet_name;
    bool id_verified = false, inspected = false;
};

struct RecordQuery {
    std::string sender_id, sender_name, phone, waybill_no;  // phone: sender's or receiver's
    std::optional<int64_t> outlet_id, company_id;
    std::vector<int64_t> outlet_ids;  // when set, only these (an outlet administrator's scope)
    std::vector<int64_t> record_ids;  // when set, only these records (a collision's group)
    std::string from_day, to_day;     // YYYY-MM-DD, inclusive
    int page = 1, page_size = 20;
};
struct RecordPage {
    int64_t total = 0;
    std::vector<RecordView> items;
};
// Newest first. `full` opens the personal fields whole, else masked (MaskName/MaskIdNumber/MaskPhone; the
// receiver's address to its first 6 characters). Errors: the database's; Internal when a field cannot be opened.
Result<RecordPage> SearchRecords(storage::Connection& c, const RecordQuery& q, bool full);

}  // namespace jw::courier
