#include "orgs/orgs_service.hpp"

#include <algorithm>

#include "auth/account_rules.hpp"
#include "auth/auth_repository.hpp"
#include "auth/external.hpp"
#include "common/validators.hpp"
#include "community/orgs/credit_code.hpp"
#include "orgs/orgs_repository.hpp"

namespace jw::orgs {

namespace {

// External account numbers the registry hands out when none is given (ADR 0051): 890001–899999, beside the demo
// county's reserved 88xxxx and the police numbers.
constexpr int kAccountNoFrom = 890001;
constexpr int kAccountNoTo = 899999;

int CharValue(char ch) { return ch >= '0' && ch <= '9' ? ch - '0' : ch - 'A' + 10; }

// GB 11714-1997 §5: eight characters (digits, capital letters) and a check character
// C9 = 11 − (Σ Ci·Wi mod 11), Wi = 3 7 9 10 5 8 4 2; 10 is written X and 11 is written 0.
Status CheckOrganisationCode(std::string_view code, std::string_view field) {
    static constexpr int kWeights[] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (size_t i = 0; i < 8; ++i) {
        const char ch = code[i];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z')))
            return Status::Invalid(std::string(field), "bad_charset");
        sum += CharValue(ch) * kWeights[i];
    }
    const int c = 11 - sum % 11;
    const char expected = c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
    if (code[8] != expected) return Status::Invalid(std::string(field), "bad_check_character");
    return Status::Ok();
}

bool IsLandline(const std::string& phone) {
    // 0 + area code (2–3 digits) + 7–8 digits, a hyphen after the area code allowed: 0838-2212345.
    std::string digits;
    for (char ch : phone)
        if (ch != '-') digits += ch;
    if (std::count(phone.begin(), phone.end(), '-') > 1 || digits.size() < 10 || digits.size() > 12) return false;
    return digits[0] == '0' &&
           std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

Json OrgFields(const Organisation& o) {
    return {{"name", o.name},
            {"supervisor_unit_id", o.supervisor_unit_id},
            {"contact_name", o.contact_name},
            {"contact_phone", MaskPhone(o.contact_phone)},
            {"status", o.status}};
}

Status Record(storage::Connection& c, int64_t org_id, const char* change, const auth::Principal& actor, Json before,
              Json after, int64_t now) {
    return repo::InsertChange(c, OrgChange{0, now, actor.user_id, "", change, std::move(before), std::move(after)},
                              org_id);
}

// The supervising unit must be live and, for a caller scoped to units, one of its units.
Status CheckSupervisor(storage::Connection& c, const auth::Principal& actor, int64_t unit_id) {
    auto unit = auth::repo::GetLiveUnit(c, unit_id);
    if (!unit.ok())
        return unit.status().code() == ErrorCode::kNotFound ? Status::Invalid("supervisor_unit_id", "not_found")
                                                            : Status::Invalid("supervisor_unit_id", "dissolved");
    if (!actor.SeesUnit(unit_id)) return Status::Invalid("supervisor_unit_id", "out_of_scope");
    return Status::Ok();
}

bool HoldsRole(const auth::User& u, const std::string& role) {
    return !role.empty() && std::find(u.roles.begin(), u.roles.end(), role) != u.roles.end();
}

}  // namespace

std::string NormaliseOrgCode(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == ' ' || ch == '-') continue;
        out += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    }
    return out;
}

Status CheckOrgCode(std::string_view code, std::string_view field) {
    if (code.size() == 18) return community::CheckCreditCode(code, field);
    if (code.size() == 9) return CheckOrganisationCode(code, field);
    return Status::Invalid(std::string(field), "bad_length");
}

Status ValidateOrg(const Organisation& o) {
    Status s(ErrorCode::kInvalidArgument, "invalid organisation");
    auto& f = s.mutable_fields();
    const auth::OrgKind* kind = auth::FindOrgKind(o.kind);
    if (kind == nullptr) f["kind"] = "unknown_kind";
    auto len = Utf8Length(o.name);
    if (!len || *len < 2 || *len > 60 || o.name.find_first_of("<>'\";") != std::string::npos) f["name"] = "bad_format";
    if (Status code = CheckOrgCode(o.code); !code.ok()) f["code"] = code.fields().begin()->second;
    if (kind) {
        if (kind->parent_kind.empty() && o.parent_id) f["parent_id"] = "not_allowed";
        if (!kind->parent_kind.empty() && !o.parent_id) f["parent_id"] = "required";
    }
    if (!auth::IsValidPersonName(o.contact_name)) f["contact_name"] = "bad_person_name";
    if (!CheckMobile(o.contact_phone, "contact_phone").ok() && !IsLandline(o.contact_phone))
        f["contact_phone"] = "bad_phone";
    if (o.status != "active" && o.status != "suspended") f["status"] = "bad_value";
    return f.empty() ? Status::Ok() : s;
}

bool SeesOrganisation(const auth::Principal& p, const Organisation& o) {
    if (auth::IsExternal(p)) return auth::SeesOrg(p, o.id);
    return p.SeesUnit(o.supervisor_unit_id);
}

Result<Organisation> CreateOrg(storage::Connection& c, Organisation o, const auth::Principal& actor, int64_t now) {
    o.code = NormaliseOrgCode(o.code);
    o.status = "active";
    JW_RETURN_IF_ERROR(ValidateOrg(o));
    if (o.parent_id) {
        auto parent = repo::GetOrg(c, *o.parent_id);
        if (!parent.ok() || !SeesOrganisation(actor, *parent)) return Status::Invalid("parent_id", "not_found");
        if (parent->kind != auth::FindOrgKind(o.kind)->parent_kind) return Status::Invalid("parent_id", "wrong_kind");
    }
    JW_RETURN_IF_ERROR(CheckSupervisor(c, actor, o.supervisor_unit_id));
    auto id = repo::InsertOrg(c, o, now);
    if (!id.ok())
        return id.status().code() == ErrorCode::kConflict ? Status::Invalid("code", "duplicate") : id.status();
    JW_ASSIGN_OR_RETURN(Organisation created, repo::GetOrg(c, *id));
    Json after = OrgFields(created);
    after["kind"] = created.kind;
    after["code"] = created.code;
    after["parent_id"] = created.parent_id ? Json(*created.parent_id) : Json(nullptr);
    JW_RETURN_IF_ERROR(Record(c, created.id, "created", actor, Json::object(), after, now));
    return created;
}

Result<Organisation> UpdateOrg(storage::Connection& c, const Organisation& changes, const auth::Principal& actor,
                               int64_t now) {
    auto before = repo::GetOrg(c, changes.id);
    if (!before.ok() || !SeesOrganisation(actor, *before)) return Status::NotFound("organisation");
    Organisation o = *before;
    o.name = changes.name;
    o.supervisor_unit_id = changes.supervisor_unit_id;
    o.contact_name = changes.contact_name;
    o.contact_phone = changes.contact_phone;
    JW_RETURN_IF_ERROR(ValidateOrg(o));
    if (o.supervisor_unit_id != before->supervisor_unit_id)
        JW_RETURN_IF_ERROR(CheckSupervisor(c, actor, o.supervisor_unit_id));
    JW_RETURN_IF_ERROR(repo::UpdateOrg(c, o, now));
    // Only the fields that changed, before and after.
    Json b = OrgFields(*before), a = OrgFields(o), db = Json::object(), da = Json::object();
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (b[it.key()] == it.value()) continue;
        db[it.key()] = b[it.key()];
        da[it.key()] = it.value();
    }
    if (o.contact_phone != before->contact_phone) {  // masked views may look alike
        db["contact_phone"] = MaskPhone(before->contact_phone);
        da["contact_phone"] = MaskPhone(o.contact_phone);
    }
    JW_RETURN_IF_ERROR(Record(c, o.id, "updated", actor, db, da, now));
    return repo::GetOrg(c, o.id);
}

Result<Organisation> SetOrgStatus(storage::Connection& c, int64_t id, const std::string& status,
                                  const auth::Principal& actor, int64_t now) {
    auto before = repo::GetOrg(c, id);
    if (!before.ok() || !SeesOrganisation(actor, *before)) return Status::NotFound("organisation");
    if (before->status == status) return Status::Invalid("status", status == "active" ? "not_suspended" : "not_active");
    Organisation o = *before;
    o.status = status;
    JW_RETURN_IF_ERROR(repo::UpdateOrg(c, o, now));
    if (status == "suspended") JW_RETURN_IF_ERROR(repo::DeleteOrgSessions(c, id));
    JW_RETURN_IF_ERROR(Record(c, id, status == "active" ? "activated" : "suspended", actor,
                              {{"status", before->status}}, {{"status", status}}, now));
    return repo::GetOrg(c, id);
}

Status ValidateNewStaff(const NewStaff& s) {
    auth::User u;
    u.username = s.username;
    u.police_no = s.account_no.empty() ? std::string("000000") : s.account_no;  // empty: assigned later
    u.name = s.name;
    u.phone = s.phone;
    Status st = auth::ValidateNewUser(u);
    if (st.ok()) return st;
    // The account number of an external account is not a police number: name the field as the form does.
    Status out(ErrorCode::kInvalidArgument, "invalid account");
    for (const auto& [k, v] : st.fields()) out.mutable_fields()[k == "police_no" ? "account_no" : k] = v;
    return out;
}

Result<auth::User> AddStaff(storage::Connection& c, const auth::Principal& actor, int64_t org_id, NewStaff s,
                            const std::string& password_hash, int64_t now) {
    JW_RETURN_IF_ERROR(ValidateNewStaff(s));
    auto org = repo::GetOrg(c, org_id);
    if (!org.ok() || !SeesOrganisation(actor, *org)) return Status::NotFound("organisation");
    if (org->status != "active") return Status::Invalid("org_id", "not_active");
    const auth::OrgKind* kind = auth::FindOrgKind(org->kind);
    JW_RETURN_IF_ERROR(auth::CheckAccountRoles(org->kind, {s.role}));
    // An organisation's administrator adds staff, not administrators of its own organisation.
    if (auth::IsExternal(actor) && org->id == actor.org_id && kind && s.role == kind->admin_role)
        return Status::Invalid("role", "not_allowed");
    if (auth::repo::GetUserByUsername(c, s.username).ok()) return Status::Invalid("username", "duplicate");
    if (s.account_no.empty()) {
        JW_ASSIGN_OR_RETURN(s.account_no, repo::NextAccountNo(c, kAccountNoFrom, kAccountNoTo));
    }
    auth::User u;
    u.username = s.username;
    u.police_no = s.account_no;
    u.name = s.name;
    u.phone = s.phone;
    u.unit_id = org->supervisor_unit_id;  // kept for the unit-bound tables; never the account's scope
    u.org_id = org->id;
    u.status = "active";
    u.password_hash = password_hash;
    u.must_change_password = true;
    auto id = auth::repo::InsertUser(c, u, now);
    if (!id.ok())
        return id.status().code() == ErrorCode::kConflict ? Status::Invalid("account_no", "duplicate") : id.status();
    JW_RETURN_IF_ERROR(auth::repo::SetUserRoles(c, *id, {s.role}));
    return auth::repo::GetUser(c, *id);
}

Result<auth::User> ManagedStaff(storage::Connection& c, const auth::Principal& actor, int64_t user_id) {
    auto user = auth::repo::GetUser(c, user_id);
    if (!user.ok() || user->org_id == 0) return Status::NotFound("user");
    auto org = repo::GetOrg(c, user->org_id);
    if (!org.ok() || !SeesOrganisation(actor, *org)) return Status::NotFound("user");
    if (user->id == actor.user_id) return Status::Invalid("id", "own_account");
    const auth::OrgKind* kind = auth::FindOrgKind(org->kind);
    if (auth::IsExternal(actor) && org->id == actor.org_id && kind && HoldsRole(*user, kind->admin_role))
        return Status::Invalid("id", "peer_administrator");
    return user;
}

}  // namespace jw::orgs
