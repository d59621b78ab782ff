// Rules of the person watch list (personwatch_service.hpp).
#include "personwatch/personwatch_service.hpp"

#include "community/people/people_service.hpp"
#include "community/people/person_identity.hpp"
#include "media/media_store.hpp"
#include "personwatch/catalogue.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "personwatch/personwatch_repository.hpp"
#include "watchlist/lifecycle.hpp"

namespace jw::personwatch {
namespace {

inline constexpr const char* kMediaKind = "personwatch.entry";

Result<watchlist::Head> Head(storage::Connection& c, int64_t id, std::optional<int64_t> expected_version) {
    JW_ASSIGN_OR_RETURN(auto head, LoadHead(c, id));
    if (!head) return Status::NotFound("person watch entry");
    JW_RETURN_IF_ERROR(watchlist::CheckVersion(*head, expected_version));
    return *head;
}

}  // namespace

Status ValidateEntry(const alerts::Policy& policy, EntryInput& in, int64_t now) {
    const Kind* kind = FindKind(in.kind);
    if (!kind) return Status::Invalid("kind", "invalid_enum");
    // The document as the master index normalises it (15 → 18 digits, check character, sex and birth date).
    community::PersonInput p;
    p.id_kind = in.id_kind;
    p.id_number = in.id_number;
    p.nationality = in.nationality;
    p.name = in.name;
    JW_RETURN_IF_ERROR(community::NormalisePersonInput(p));
    in.id_kind = p.id_kind;
    in.id_number = p.id_number;
    in.nationality = p.nationality;
    in.name = p.name;
    JW_RETURN_IF_ERROR(watchlist::RequireText("name", in.name, 50));
    JW_RETURN_IF_ERROR(watchlist::RequireText("case_no", in.case_no, 40));
    JW_RETURN_IF_ERROR(watchlist::RequireText("reason", in.reason, 200));
    JW_RETURN_IF_ERROR(watchlist::RequireText("instruction", in.instruction, 200));
    JW_RETURN_IF_ERROR(watchlist::ValidateWindow(in.valid_from, in.valid_to, now));
    if (in.priority == 0) in.priority = kind->priority;
    if (in.priority < 1 || in.priority > 4) return Status::Invalid("priority", "out_of_range");
    if (in.colour.empty()) in.colour = policy.ForPriority(in.priority).colour;
    if (!policy.Find(in.colour)) return Status::Invalid("colour", "invalid_enum");
    return watchlist::ValidateUnitCount(in.unit_ids);
}

Result<int64_t> ApplyEntry(storage::Connection& c, const alerts::Policy& policy, EntryInput in, const Actor& actor,
                           int64_t now) {
    JW_RETURN_IF_ERROR(ValidateEntry(policy, in, now));
    JW_RETURN_IF_ERROR(watchlist::CheckUnits(c, in.unit_ids));
    NewEntry n;
    n.id_index = IdIndex(in.id_kind, in.nationality, in.id_number);
    JW_ASSIGN_OR_RETURN(auto open, FindOpenEntry(c, in.kind, n.id_index));
    if (open) return Status::Conflict("already_listed");
    community::PersonInput p;
    p.id_kind = in.id_kind;
    p.id_number = in.id_number;
    p.nationality = in.nationality;
    p.name = in.name;
    JW_RETURN_IF_ERROR(community::NormalisePersonInput(p));  // sex and birth date of a resident ID
    JW_ASSIGN_OR_RETURN(auto known, community::FindPersonByIdNumber(c, in.id_kind, in.id_number, in.nationality));
    Entry& e = n.entry;
    e.kind = in.kind;
    e.id_kind = in.id_kind;
    e.nationality = in.nationality;
    e.id_number = in.id_number;
    e.name = in.name;
    e.birth_date = p.birth_date;
    e.sex = p.sex;
    e.photo_media_id = in.photo_media_id;
    if (known) e.person_id = known->id;
    e.case_no = in.case_no;
    e.reason = in.reason;
    e.instruction = in.instruction;
    e.applicant_id = actor.user_id;
    e.unit_id = actor.unit_id;
    e.valid_from = in.valid_from;
    e.valid_to = in.valid_to;
    e.priority = in.priority;
    e.colour = in.colour;
    e.notify_units = in.unit_ids;
    n.name_birth_index = NameBirthIndex(e.name, e.birth_date);
    JW_ASSIGN_OR_RETURN(const int64_t id, InsertEntry(c, n, now));
    if (in.photo_media_id) JW_RETURN_IF_ERROR(media::Attach(c, *in.photo_media_id, kMediaKind, id, actor.user_id));
    JW_RETURN_IF_ERROR(InsertEvent(c, id, now, actor.user_id, "create", in.reason));
    return id;
}

Status ApproveEntry(storage::Connection& c, int64_t id, const Actor& actor, std::optional<int64_t> expected_version,
                    int64_t now, const std::string& comment) {
    JW_ASSIGN_OR_RETURN(const watchlist::Head h, Head(c, id, expected_version));
    JW_RETURN_IF_ERROR(watchlist::CheckApprove(h, actor.user_id, now));
    JW_RETURN_IF_ERROR(MarkDecided(c, id, "active", actor.user_id, now));
    return InsertEvent(c, id, now, actor.user_id, "approve", comment);
}

Status RejectEntry(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                   std::optional<int64_t> expected_version, int64_t now) {
    JW_RETURN_IF_ERROR(watchlist::RequireText("reason", reason, 200));
    JW_ASSIGN_OR_RETURN(const watchlist::Head h, Head(c, id, expected_version));
    JW_RETURN_IF_ERROR(watchlist::CheckReject(h, actor.user_id));
    JW_RETURN_IF_ERROR(MarkDecided(c, id, "rejected", actor.user_id, now));
    return InsertEvent(c, id, now, actor.user_id, "reject", reason);
}

Status WithdrawEntry(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                     std::optional<int64_t> expected_version, int64_t now) {
    JW_RETURN_IF_ERROR(watchlist::RequireText("reason", reason, 200));
    JW_ASSIGN_OR_RETURN(const watchlist::Head h, Head(c, id, expected_version));
    JW_RETURN_IF_ERROR(watchlist::CheckWithdraw(h));
    JW_RETURN_IF_ERROR(SetStatus(c, id, "withdrawn", now));
    return InsertEvent(c, id, now, actor.user_id, "withdraw", reason);
}

Result<int> ExpireDue(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto due, ListDueIds(c, now));
    for (int64_t id : due) {
        JW_RETURN_IF_ERROR(SetStatus(c, id, "expired", now));
        JW_RETURN_IF_ERROR(InsertEvent(c, id, now, std::nullopt, "expire", ""));
    }
    return static_cast<int>(due.size());
}

}  // namespace jw::personwatch
