#pragma once
// The courier module's plain structs (issue 17). A record is one parcel taken at an outlet's counter or sent in
// by the company's system; its personal fields are plain here and sealed by the repository.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::courier {

struct Outlet {
    int64_t id = 0, company_id = 0, station_unit_id = 0;
    std::optional<int64_t> org_id;  // the organisations registry's outlet (auth/external.hpp scopes by it)
    std::optional<int64_t> address_id;
    std::string code, name, licence_no, manager_name, manager_phone, address_text, township;
};

struct Company {
    int64_t id = 0;
    std::string code, name, licence_no;
    std::optional<int64_t> org_id;
};

struct RecordInput {
    std::string waybill_no;
    std::string sender_doc_type = "resident_id";
    std::string sender_name, sender_id, sender_phone;
    std::string receiver_name, receiver_phone, receiver_address;
    std::string category;
    std::string declared_content;
    int64_t declared_value_cents = 0;
    bool inspected = false;
    int64_t accepted_at = 0;                                  // 0: now
    std::vector<std::pair<std::string, std::string>> photos;  // (media_id, kind: opened | parcel | card)
    bool ocr_used = false;
    std::vector<std::string> ocr_corrected;  // fields of the OCR's reading the clerk changed
};

// What the sender sees (the clerk at the counter, the company's system): never whether a watch list matched.
struct IntakeOutcome {
    int64_t record_id = 0;
    std::string status;       // accepted | refused | held | duplicate
    std::string reason;       // refused: the category's name and basis
    std::string instruction;  // held: the police's neutral words for the clerk ("请稍候…")
};

// The watch-list check the module calls on each record (personwatch's identity check, wired in module.cpp).
// Runs inside the record's write transaction. `hit` is for the module only: it decides "held", never shown.
struct WatchSubject {
    std::string id_kind, id_number, name;
    int64_t station_unit_id = 0;
    std::string place;      // the outlet's name
    std::string event_ref;  // "courier:<company>:<waybill>": retries raise nothing new
};
struct WatchVerdict {
    bool hit = false;
    std::string public_instruction;
};
using WatchCheck = std::function<Result<WatchVerdict>(storage::Connection& tx, const WatchSubject& who, int64_t now)>;
// Which of many subjects the watch check could answer "hit" for, in one look-up (personwatch::MayBeListed): the
// intake asks `WatchCheck` only for those answered true. Empty: every subject is asked (the same verdicts, slower).
using WatchPrefilter = std::function<Result<std::vector<bool>>(storage::Connection& tx,
                                                               const std::vector<WatchSubject>& who, int64_t now)>;

}  // namespace jw::courier
