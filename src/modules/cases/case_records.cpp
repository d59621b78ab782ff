// Edits of a case that are not lifecycle actions: fields, people, the penalty and query codes.
#include <algorithm>
#include <cstdio>
#include <set>

#include "cases/case_links.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_secrets.hpp"
#include "cases/case_service.hpp"
#include "cases/case_service_internal.hpp"
#include "common/crypto.hpp"
#include "common/validators.hpp"
#include "notify/outbox.hpp"

namespace jw::cases {

using internal::LoadForWrite;
using internal::SaveWithRecord;

namespace internal {

bool WantsQueryCode(const Person& p) {
    return (p.role == "reporter" || p.role == "victim") && !p.phone.empty() && CheckMobile(p.phone).ok();
}

Result<QueryCode> SendQueryCode(storage::Connection& c, const Case& k, const Person& p, int64_t now) {
    JW_RETURN_IF_ERROR(repo::RevokeQueryCodes(c, k.id, p.id, std::nullopt, 0, now).status());
    // Eight digits from the CSPRNG; guessing is bounded by the public endpoint's rate limit.
    const std::string bytes = RandomBytes(8);
    uint64_t n = 0;
    for (unsigned char ch : bytes) n = (n << 8) | ch;
    char code[16];
    std::snprintf(code, sizeof code, "%08llu", static_cast<unsigned long long>(n % 100000000ULL));
    QueryCode q;
    q.case_id = k.id;
    q.person_id = p.id;
    q.code_hash = QueryCodeHash(k.case_no, code);
    q.created_at = now;
    JW_ASSIGN_OR_RETURN(q.id, repo::InsertQueryCode(c, q));
    // The code travels as a parameter; the outbox words the SMS (zh-CN) and blanks the parameters once sent.
    JW_RETURN_IF_ERROR(notify::Outbox::EnqueueSms(c, p.phone, "case_query_code",
                                                  std::string(MessageCode("cases.query_code")),
                                                  {{"unit", k.unit_name}, {"case_no", k.case_no}, {"code", code}})
                           .status());
    return q;
}

}  // namespace internal

Status ValidatePerson(const Person& p, const std::string& prefix) {
    Status s(ErrorCode::kInvalidArgument, "invalid person");
    auto& f = s.mutable_fields();
    if (!IsPersonRole(p.role)) f[prefix + "role"] = "bad_value";
    if (p.name.empty()) f[prefix + "name"] = "required";
    if (!IsIdType(p.id_type)) {
        f[prefix + "id_type"] = "bad_value";
    } else if (p.id_type == "none") {
        if (!p.id_number.empty()) f[prefix + "id_number"] = "must_be_empty";
    } else if (p.id_number.empty()) {
        f[prefix + "id_number"] = "required";
    } else if (p.id_type == "resident_id") {
        // A first-generation card's 15 digits are still met (GB 11643-1999 replaced them): kept as written, linked
        // to the master index through their 18-digit form (case_links.hpp).
        auto id18 = p.id_number.size() == 15 ? ConvertId15To18(p.id_number) : std::nullopt;
        Status id = CheckIdNumber(id18 ? *id18 : p.id_number, prefix + "id_number");
        for (const auto& [k, v] : id.fields()) f[k] = v;
    } else if (!std::all_of(p.id_number.begin(), p.id_number.end(),
                            [](unsigned char ch) { return std::isalnum(ch) || ch == '-'; })) {
        f[prefix + "id_number"] = "bad_characters";
    }
    if (!p.phone.empty() && !CheckMobile(p.phone).ok()) {
        const bool fixed =
            p.phone.size() >= 7 && p.phone.size() <= 20 &&
            std::all_of(p.phone.begin(), p.phone.end(), [](unsigned char ch) { return std::isdigit(ch) || ch == '-'; });
        if (!fixed) f[prefix + "phone"] = "bad_phone";
    }
    return f.empty() ? Status::Ok() : s;
}

Result<Case> EditCase(storage::Connection& c, const auth::Principal& actor, int64_t case_id, const CaseEdit& edit,
                      int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, LoadForWrite(c, actor, case_id, edit.expected_version));
    Json changed = Json::array();
    auto set = [&](auto& field, const auto& value, const char* name) {
        if (!value || field == *value) return;
        field = *value;
        changed.push_back(name);
    };
    set(k.cause, edit.cause, "cause");
    set(k.cause_code, edit.cause_code, "cause_code");
    set(k.source, edit.source, "source");
    set(k.place_address, edit.place_address, "place");
    set(k.facts, edit.facts, "facts");
    set(k.occurred_at, edit.occurred_at, "occurred_at");
    if (k.occurred_at > k.accepted_at) return Status::Invalid("occurred_at", "after_acceptance");
    if (edit.set_place_coords) {
        k.place_lon = edit.place_lon;
        k.place_lat = edit.place_lat;
        changed.push_back("place");
    }
    if (edit.lead_officer_id && *edit.lead_officer_id != k.lead_officer_id) {
        auto lead = repo::GetOfficer(c, *edit.lead_officer_id);
        if (!lead.ok()) return Status::Invalid("lead_officer_id", "not_found");
        if (lead->unit_id != k.unit_id) return Status::Invalid("lead_officer_id", "not_in_unit");
        k.lead_officer_id = *edit.lead_officer_id;
        changed.push_back("lead_officer_id");
    }
    if (edit.assistant_ids) {
        std::set<int64_t> unique(edit.assistant_ids->begin(), edit.assistant_ids->end());
        unique.erase(k.lead_officer_id);
        for (int64_t id : unique)
            if (!repo::GetOfficer(c, id).ok()) return Status::Invalid("assistant_ids", "not_found");
        k.assistant_ids.assign(unique.begin(), unique.end());
        changed.push_back("assistant_ids");
    }
    JW_RETURN_IF_ERROR(SaveWithRecord(c, actor, k, edit.expected_version, "case_updated",
                                      Json{{"fields", changed}}.dump(), std::nullopt, now));
    return repo::GetCase(c, case_id);
}

Result<Case> AddPerson(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t expected_version,
                       Person p, int64_t now) {
    JW_RETURN_IF_ERROR(ValidatePerson(p, "person."));
    JW_ASSIGN_OR_RETURN(Case k, LoadForWrite(c, actor, case_id, expected_version));
    p.case_id = case_id;
    p.created_at = now;
    JW_RETURN_IF_ERROR(repo::InsertPerson(c, p).status());
    JW_RETURN_IF_ERROR(LinkParty(c, actor, p));
    JW_RETURN_IF_ERROR(
        SaveWithRecord(c, actor, k, expected_version, "person_added", Json{{"role", p.role}}.dump(), p.id, now));
    if (internal::WantsQueryCode(p)) JW_RETURN_IF_ERROR(internal::SendQueryCode(c, k, p, now).status());
    return repo::GetCase(c, case_id);
}

Result<Case> EditPerson(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t expected_version,
                        Person p, int64_t now) {
    JW_RETURN_IF_ERROR(ValidatePerson(p, "person."));
    JW_ASSIGN_OR_RETURN(Case k, LoadForWrite(c, actor, case_id, expected_version));
    auto it = std::find_if(k.people.begin(), k.people.end(), [&](const Person& x) { return x.id == p.id; });
    if (it == k.people.end()) return Status::NotFound("person");
    p.case_id = case_id;
    JW_RETURN_IF_ERROR(repo::UpdatePerson(c, p));
    JW_RETURN_IF_ERROR(LinkParty(c, actor, p));
    JW_RETURN_IF_ERROR(
        SaveWithRecord(c, actor, k, expected_version, "person_updated", Json{{"role", p.role}}.dump(), p.id, now));
    return repo::GetCase(c, case_id);
}

Status PenaltyOpen(const Case& k) {
    if (k.case_type != kAdministrative)
        return Status(ErrorCode::kConflict, "penalty_not_administrative", {{"penalty", "not_administrative"}});
    if (k.state == "investigation" || k.state == "penalty_proposed") return Status::Ok();
    // Under legal review the reviewer judges the penalty that was submitted; a change would go unreviewed
    // (公安机关办理行政案件程序规定 §171: 法制审核 before the decision). Returned for correction, it opens again.
    if (k.state == "legal_review")
        return Status(ErrorCode::kConflict, "penalty_locked_review", {{"penalty", "locked"}});
    if (k.state == "decided" || k.state == "executed" || k.state == "closed")
        return Status(ErrorCode::kConflict, "penalty_locked_decided", {{"penalty", "locked"}});
    return Status(ErrorCode::kConflict, "penalty_not_yet", {{"penalty", "not_yet"}});
}

Result<Case> SetPenalty(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t expected_version,
                        const std::string& source, const Json& penalty, int64_t now) {
    if (source != "manual" && source != "discretion") return Status::Invalid("source", "bad_value");
    if (!penalty.is_object()) return Status::Invalid(source == "manual" ? "penalty" : "decision", "must_be_object");
    if (source == "discretion") {
        Status s(ErrorCode::kInvalidArgument, "not a decision of the discretion module");
        if (!penalty.contains("law_applied") || !penalty["law_applied"].is_string())
            s.mutable_fields()["decision.law_applied"] = "required";
        if (!penalty.contains("violations") || !penalty["violations"].is_array() || penalty["violations"].empty())
            s.mutable_fields()["decision.violations"] = "required";
        if (!penalty.contains("combined") || !penalty["combined"].is_object())
            s.mutable_fields()["decision.combined"] = "required";
        if (!s.fields().empty()) return s;
    }
    JW_ASSIGN_OR_RETURN(Case k, LoadForWrite(c, actor, case_id, expected_version));
    JW_RETURN_IF_ERROR(PenaltyOpen(k));
    if (source == "manual" && penalty.contains("article")) {
        // The article must exist in the case's text of the law: 119 articles in 2012, 144 in the 2025 revision.
        const int64_t last = k.law == "2012" ? 119 : 144;
        const Json& a = penalty["article"];
        if (!a.is_number_integer() || a.get<int64_t>() < 1 || a.get<int64_t>() > last)
            return Status::Invalid("penalty.article", "not_in_law");
    }
    k.penalty_source = source;
    k.penalty_json = penalty.dump();
    JW_RETURN_IF_ERROR(SaveWithRecord(c, actor, k, expected_version, "penalty_recorded",
                                      Json{{"source", source}}.dump(), std::nullopt, now));
    return repo::GetCase(c, case_id);
}

Result<QueryCode> IssueQueryCode(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                                 int64_t person_id, int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, case_id));
    if (!actor.SeesUnit(k.unit_id)) return Status::NotFound("case");
    auto it = std::find_if(k.people.begin(), k.people.end(), [&](const Person& x) { return x.id == person_id; });
    if (it == k.people.end()) return Status::Invalid("person_id", "not_found");
    if (it->role != "reporter" && it->role != "victim") return Status::Invalid("person_id", "not_reporter_or_victim");
    if (!internal::WantsQueryCode(*it)) return Status::Invalid("person_id", "no_mobile");
    return internal::SendQueryCode(c, k, *it, now);
}

Status RevokeQueryCode(storage::Connection& c, const auth::Principal& actor, int64_t case_id, int64_t code_id,
                       int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, case_id));
    if (!actor.SeesUnit(k.unit_id)) return Status::NotFound("case");
    JW_ASSIGN_OR_RETURN(int64_t n, repo::RevokeQueryCodes(c, case_id, std::nullopt, code_id, actor.user_id, now));
    return n == 0 ? Status::NotFound("query_code") : Status::Ok();
}

}  // namespace jw::cases
