#include "courier/registry/staff_service.hpp"

#include "auth/account_rules.hpp"
#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "community/people/people_service.hpp"
#include "orgs/orgs_service.hpp"

namespace jw::courier {
namespace {

// registered | unmatched: whether the master index holds the document (a number it refuses is unmatched).
Result<std::pair<std::string, std::optional<int64_t>>> MasterIndexCheck(storage::Connection& c,
                                                                        const std::string& id_number) {
    auto person = community::FindPersonByIdNumber(c, "resident_id", id_number);
    if (!person.ok()) {
        if (person.status().code() == ErrorCode::kInvalidArgument)
            return std::pair<std::string, std::optional<int64_t>>{"unmatched", std::nullopt};
        return person.status();
    }
    if (!*person) return std::pair<std::string, std::optional<int64_t>>{"unmatched", std::nullopt};
    return std::pair<std::string, std::optional<int64_t>>{"registered", (*person)->id};
}

Result<Staff> OwnStaff(storage::Connection& c, int64_t outlet_id, int64_t id) {
    JW_ASSIGN_OR_RETURN(Staff s, LoadStaff(c, id));
    if (s.outlet_id != outlet_id) return Status::NotFound("staff");  // another outlet's: as none
    return s;
}

Status NotDuplicate(storage::Connection& c, int64_t outlet_id, const std::string& id_number, int64_t except) {
    JW_ASSIGN_OR_RETURN(auto staff, ListStaff(c, outlet_id));
    for (const auto& s : staff)
        if (s.id != except && s.status != "left" && NormaliseIdNumber(s.id_number) == NormaliseIdNumber(id_number))
            return Status(ErrorCode::kConflict, "staff with this id_number", {{"id_number", "duplicate"}});
    return Status::Ok();
}

// The account of the outlet's staff member who left with `id_number`, taken off that row (nullopt when none).
Result<std::optional<int64_t>> TakeBackAccount(storage::Connection& c, int64_t outlet_id,
                                               const std::string& id_number) {
    JW_ASSIGN_OR_RETURN(auto staff, ListStaff(c, outlet_id));
    for (const auto& s : staff)
        if (s.status == "left" && s.user_id && NormaliseIdNumber(s.id_number) == id_number) {
            JW_RETURN_IF_ERROR(UnlinkStaffAccount(c, s.id));
            return s.user_id;
        }
    return std::optional<int64_t>();
}

}  // namespace

Status ValidateStaff(const StaffInput& in, bool creating) {
    if (creating)
        for (const auto& [field, v] : {std::pair{"role", &in.role}, std::pair{"name", &in.name},
                                       std::pair{"id_number", &in.id_number}, std::pair{"phone", &in.phone}})
            if (!v->has_value()) return Status::Invalid(field, "required");
    if (in.role && *in.role != "clerk" && *in.role != "admin") return Status::Invalid("role", "invalid_enum");
    if (in.name && !auth::IsValidPersonName(*in.name)) return Status::Invalid("name", "bad_person_name");
    if (in.id_number) JW_RETURN_IF_ERROR(CheckIdNumber(NormaliseIdNumber(*in.id_number), "id_number"));
    if (in.phone && !CheckMobile(*in.phone, "phone").ok()) return Status::Invalid("phone", "bad_phone");
    return Status::Ok();
}

Result<Staff> AddOutletStaff(storage::Connection& c, const StaffActor& actor, int64_t outlet_id, const StaffInput& in,
                             int64_t now) {
    JW_RETURN_IF_ERROR(ValidateStaff(in, true));
    Staff s;
    s.outlet_id = outlet_id;
    s.role = *in.role, s.name = *in.name, s.id_number = NormaliseIdNumber(*in.id_number), s.phone = *in.phone;
    JW_RETURN_IF_ERROR(NotDuplicate(c, outlet_id, s.id_number, 0));
    JW_ASSIGN_OR_RETURN(auto check, MasterIndexCheck(c, s.id_number));
    s.status = check.first, s.person_id = check.second;
    JW_ASSIGN_OR_RETURN(s.user_id, TakeBackAccount(c, outlet_id, s.id_number));
    if (s.user_id) {
        JW_ASSIGN_OR_RETURN(auth::User account, orgs::ManagedStaff(c, actor.principal, *s.user_id));
        if (account.status == "disabled") JW_RETURN_IF_ERROR(actor.accounts.SetAccountStatus(c, account.id, "active"));
    }
    JW_ASSIGN_OR_RETURN(s.id, InsertStaff(c, s, now));
    return s;
}

Result<Staff> EditOutletStaff(storage::Connection& c, int64_t outlet_id, int64_t id, const StaffInput& in) {
    JW_RETURN_IF_ERROR(ValidateStaff(in, false));
    JW_ASSIGN_OR_RETURN(Staff s, OwnStaff(c, outlet_id, id));
    if (s.status == "left") return Status::Invalid("status", "already_left");
    if (in.role) s.role = *in.role;
    if (in.name) s.name = *in.name;
    if (in.phone) s.phone = *in.phone;
    if (in.id_number && NormaliseIdNumber(*in.id_number) != s.id_number) {
        s.id_number = NormaliseIdNumber(*in.id_number);
        JW_RETURN_IF_ERROR(NotDuplicate(c, outlet_id, s.id_number, s.id));
        JW_ASSIGN_OR_RETURN(auto check, MasterIndexCheck(c, s.id_number));
        s.status = check.first, s.person_id = check.second;
    }
    JW_RETURN_IF_ERROR(UpdateStaff(c, s));
    return s;
}

Result<Staff> DeactivateOutletStaff(storage::Connection& c, const StaffActor& actor, int64_t outlet_id, int64_t id) {
    JW_ASSIGN_OR_RETURN(Staff s, OwnStaff(c, outlet_id, id));
    if (s.status == "left") return Status::Invalid("status", "already_left");
    if (s.user_id) {
        JW_RETURN_IF_ERROR(orgs::ManagedStaff(c, actor.principal, *s.user_id).status());
        JW_RETURN_IF_ERROR(actor.accounts.SetAccountStatus(c, *s.user_id, "disabled"));
    }
    s.status = "left";
    JW_RETURN_IF_ERROR(UpdateStaff(c, s));
    return s;
}

}  // namespace jw::courier
