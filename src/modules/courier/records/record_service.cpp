#include "courier/records/record_service.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "common/validators.hpp"
#include "courier/records/categories.hpp"
#include "courier/records/record_repository.hpp"
#include "media/media_store.hpp"

namespace jw::courier {
namespace {

const std::vector<std::string> kDocTypes = {"resident_id", "temporary_id", "household_register",
                                            "passport",    "hk_macao",     "taiwan"};
const std::vector<std::string> kPhotoKinds = {"opened", "parcel", "card"};
const std::vector<std::string> kOcrFields = {"name", "sex", "ethnicity", "birth_date", "address", "id_number"};

bool In(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Characters, not bytes: names and addresses are Chinese.
size_t Utf8Length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

Status Text(const std::string& v, const char* field, size_t max) {
    if (v.empty()) return Status::Invalid(field, "required");
    if (Utf8Length(v) > max) return Status::Invalid(field, "too_long");
    return Status::Ok();
}

// Mobiles per CheckMobile; landlines as area code + number (0752-1234567, 07521234567).
Status Phone(const std::string& v, const char* field) {
    if (v.empty()) return Status::Invalid(field, "required");
    if (CheckMobile(v, field).ok()) return Status::Ok();
    static const std::regex landline("^0[1-9][0-9]{1,2}-?[0-9]{7,8}$");
    if (std::regex_match(v, landline)) return Status::Ok();
    return CheckMobile(v, field);
}

}  // namespace

Status ValidateRecord(const RecordInput& in, Channel channel, int64_t now) {
    static const std::regex waybill("^[A-Za-z0-9-]{6,32}$");
    if (in.waybill_no.empty()) return Status::Invalid("waybill_no", "required");
    if (!std::regex_match(in.waybill_no, waybill)) return Status::Invalid("waybill_no", "bad_format");
    if (!In(kDocTypes, in.sender_doc_type)) return Status::Invalid("sender_doc_type", "invalid_enum");
    JW_RETURN_IF_ERROR(Text(in.sender_name, "sender_name", 50));
    // 快递暂行条例 art. 22: the sender's identity is checked; a resident ID by its check character (GB 11643).
    if (in.sender_id.empty()) return Status::Invalid("sender_id", "required");
    if (in.sender_doc_type == "resident_id") {
        JW_RETURN_IF_ERROR(CheckIdNumber(in.sender_id, "sender_id"));
    } else {
        static const std::regex doc("^[A-Za-z0-9()（）-]{5,30}$");
        if (!std::regex_match(in.sender_id, doc)) return Status::Invalid("sender_id", "bad_format");
    }
    JW_RETURN_IF_ERROR(Phone(in.sender_phone, "sender_phone"));
    JW_RETURN_IF_ERROR(Text(in.receiver_name, "receiver_name", 50));
    JW_RETURN_IF_ERROR(Phone(in.receiver_phone, "receiver_phone"));
    JW_RETURN_IF_ERROR(Text(in.receiver_address, "receiver_address", 200));
    if (!FindCategory(in.category)) return Status::Invalid("category", "invalid_enum");
    JW_RETURN_IF_ERROR(Text(in.declared_content, "declared_content", 200));
    if (in.declared_value_cents < 0 || in.declared_value_cents > 100'000'000'00LL)
        return Status::Invalid("declared_value_cents", "out_of_range");
    // 反恐怖主义法 art. 20: 开封验视 — the clerk confirms the inspection ...
    if (!in.inspected) return Status::Invalid("inspected", "required");
    for (const auto& [id, kind] : in.photos)
        if (!In(kPhotoKinds, kind)) return Status::Invalid("photos", "invalid_enum");
    // ... and at the counter a photo of the opened parcel shows it (companies' systems keep their own photos).
    if (channel == Channel::kCounter &&
        std::none_of(in.photos.begin(), in.photos.end(), [](const auto& p) { return p.second == "opened"; }))
        return Status::Invalid("photos", "opened_photo_required");
    if (in.accepted_at > now + 300) return Status::Invalid("accepted_at", "out_of_range");
    for (const auto& f : in.ocr_corrected)
        if (!In(kOcrFields, f)) return Status::Invalid("ocr_corrected", "invalid_enum");
    return Status::Ok();
}

Result<IntakeOutcome> Intake(storage::Connection& tx, const Outlet& outlet, const RecordInput& in, Channel channel,
                             std::optional<int64_t> clerk_user_id, const WatchCheck& watch, int64_t now) {
    JW_RETURN_IF_ERROR(ValidateRecord(in, channel, now));
    std::vector<BatchItem> one(1);
    one[0].outlet = &outlet;
    one[0].in = in;
    one[0].sealed = SealFields(in);
    JW_ASSIGN_OR_RETURN(auto out, IntakeBatch(tx, outlet.company_id, one, channel, clerk_user_id, watch, {}, now));
    return out[0];
}

Result<std::vector<IntakeOutcome>> IntakeBatch(storage::Connection& tx, int64_t company_id,
                                               const std::vector<BatchItem>& items, Channel channel,
                                               std::optional<int64_t> clerk_user_id, const WatchCheck& watch,
                                               const WatchPrefilter& prefilter, int64_t now) {
    std::vector<IntakeOutcome> out(items.size());
    // Idempotent by company + waybill: those stored before, and repeats within the batch (the first one counts).
    std::vector<std::string> waybills;
    waybills.reserve(items.size());
    for (const auto& it : items) waybills.push_back(it.in.waybill_no);
    JW_ASSIGN_OR_RETURN(auto existing, FindRecordsByWaybill(tx, company_id, waybills));
    std::map<std::string, size_t> first;        // waybill → the batch item that stores it
    std::vector<int> stored(items.size(), -1);  // item → its index in `rows`, -1 when a duplicate
    std::vector<NewRecord> rows;
    std::vector<const SealedFields*> sealed;
    std::vector<size_t> to_check;  // items asked of the watch list
    std::vector<WatchSubject> subjects;
    for (size_t i = 0; i < items.size(); ++i) {
        const BatchItem& it = items[i];
        if (auto e = existing.find(it.in.waybill_no); e != existing.end()) {
            out[i].record_id = e->second;
            out[i].status = "duplicate";
            continue;
        }
        if (!first.emplace(it.in.waybill_no, i).second) {
            out[i].status = "duplicate";  // its id once the first is stored
            continue;
        }
        NewRecord r;
        r.in = it.in;
        r.company_id = company_id;
        r.outlet_id = it.outlet->id;
        r.source = channel == Channel::kCounter ? "counter" : "bulk";
        r.clerk_user_id = clerk_user_id;
        r.uploaded_at = now;
        if (r.in.accepted_at == 0) r.in.accepted_at = now;
        // Verified: a resident ID that passed GB 11643 (other documents are typed by hand and cannot be checked).
        r.id_verified = it.in.sender_doc_type == "resident_id" && CheckIdNumber(it.in.sender_id).ok();
        const Category* cat = FindCategory(it.in.category);
        if (cat->level == "prohibited") {
            // 反恐怖主义法 art. 20: prohibited items are not accepted; the reason names the catalogue item.
            r.status = "refused";
            r.refusal_reason = cat->name_zh + "（" + cat->basis + "）";
        } else {
            r.status = "accepted";
            WatchSubject who;
            who.id_kind = it.in.sender_doc_type;
            who.id_number = it.in.sender_id;
            who.name = it.in.sender_name;
            who.station_unit_id = it.outlet->station_unit_id;
            who.place = it.outlet->name;
            who.event_ref = "courier:" + std::to_string(company_id) + ":" + it.in.waybill_no;
            to_check.push_back(i);
            subjects.push_back(std::move(who));
        }
        stored[i] = static_cast<int>(rows.size());
        rows.push_back(std::move(r));
        sealed.push_back(&it.sealed);
    }
    // The watch list: one look-up for all, then the full check (with its alert) only where it may hit.
    std::vector<bool> ask(subjects.size(), true);
    if (prefilter && !subjects.empty()) {
        JW_ASSIGN_OR_RETURN(ask, prefilter(tx, subjects, now));
    }
    for (size_t k = 0; k < to_check.size(); ++k) {
        if (!ask[k] || !watch) continue;
        JW_ASSIGN_OR_RETURN(WatchVerdict v, watch(tx, subjects[k], now));
        if (!v.hit) continue;
        rows[static_cast<size_t>(stored[to_check[k]])].status = "held";
        out[to_check[k]].instruction = v.public_instruction;
    }
    JW_ASSIGN_OR_RETURN(auto ids, InsertRecords(tx, rows, sealed));
    for (size_t i = 0; i < items.size(); ++i) {
        if (stored[i] < 0) {
            if (out[i].record_id == 0)
                out[i].record_id = ids[static_cast<size_t>(stored[first[items[i].in.waybill_no]])];
            continue;
        }
        const NewRecord& r = rows[static_cast<size_t>(stored[i])];
        out[i].record_id = ids[static_cast<size_t>(stored[i])];
        out[i].status = r.status;
        out[i].reason = r.refusal_reason;
        if (!clerk_user_id) continue;
        for (const auto& [media_id, kind] : items[i].in.photos) {
            JW_RETURN_IF_ERROR(
                media::Attach(tx, media_id, "courier_record", out[i].record_id, *clerk_user_id, "photos"));
            JW_RETURN_IF_ERROR(InsertRecordPhoto(tx, out[i].record_id, media_id, kind));
        }
    }
    return out;
}

}  // namespace jw::courier
