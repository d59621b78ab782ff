// The discretion calculator from a case: prefill, calculation and the decision to record (case_discretion.hpp).
#include "cases/case_discretion.hpp"

#include <algorithm>

#include "cases/case_service.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "discretion/decision_json.hpp"
#include "discretion/edition_json.hpp"
#include "discretion/engine.hpp"

namespace jw::cases {

namespace {

constexpr size_t kMaxCandidates = 6;

// The birth date a resident ID number states (GB 11643 digits 7–14); nullopt for other documents.
std::optional<CivilDate> BirthDateOf(const Person& p) {
    if (p.id_type != "resident_id") return std::nullopt;
    return IdBirthDate(p.id_number);
}

// The first `n` UTF-8 characters of `s`.
std::string FirstChars(const std::string& s, size_t n) {
    size_t i = 0;
    for (size_t chars = 0; i < s.size() && chars < n; ++chars) {
        const auto b = static_cast<unsigned char>(s[i]);
        i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
    return s.substr(0, std::min(i, s.size()));
}

// Tiers whose clause names the cause: the cause as written ("罪" dropped), else its first four characters
// ("故意损毁财物" → 故意损毁公私财物). A guess for the officer to confirm, never applied without them.
Json Candidates(const Case& k, const discretion::Catalogue& catalogue) {
    std::string key = k.cause;
    if (key.size() > 3 && key.compare(key.size() - 3, 3, "罪") == 0) key.resize(key.size() - 3);
    Json out = Json::array();
    if (key.empty()) return out;
    auto match = [&](const std::string& word) {
        std::vector<const discretion::Tier*> found;
        for (const auto& t : catalogue.tiers()) {
            if (!k.law.empty() && t.key.law != k.law) continue;
            if (t.clause.find(word) != std::string::npos) found.push_back(&t);
        }
        // Base tiers first: the officer starts from the ordinary case and the calculator raises it when facts say.
        std::stable_sort(found.begin(), found.end(), [](const auto* a, const auto* b) {
            return (a->key.kind == "base") > (b->key.kind == "base");
        });
        return found;
    };
    auto found = match(key);
    if (found.empty()) {
        const std::string prefix = FirstChars(key, 4);
        if (prefix != key && prefix.size() >= 6) found = match(prefix);
    }
    for (const auto* t : found) {
        if (out.size() >= kMaxCandidates) break;
        out.push_back(discretion::TierToJson(*t));
    }
    return out;
}

}  // namespace

Json DiscretionPrefillJson(const Case& k, const discretion::Catalogue& catalogue, int64_t now) {
    const CivilDate act = ChinaDateOf(k.occurred_at);
    Json offenders = Json::array();
    for (const Person& p : k.people) {
        if (p.role != "suspect") continue;
        const auto birth = BirthDateOf(p);
        offenders.push_back({{"person_id", p.id},
                             {"name", MaskName(p.name)},
                             {"id_type", p.id_type},
                             {"age_at_act", birth ? Json(discretion::AgeOn(*birth, act)) : Json(nullptr)},
                             {"needs_birth_date", !birth.has_value()}});
    }
    const Status open = PenaltyOpen(k);
    return {{"case_id", k.id},
            {"case_no", k.case_no},
            {"version", k.version},
            {"case_type", k.case_type},
            {"state", k.state},
            {"law", k.law},
            {"cause", k.cause},
            {"act_end_date", FormatDate(act)},
            {"decision_date", FormatDate(ChinaDateOf(now))},
            {"penalty_open", open.ok()},
            {"locked_reason", open.ok() ? "" : open.message()},
            {"edition", discretion::EditionRefToJson(catalogue.edition())},
            {"offenders", offenders},
            {"candidates", Candidates(k, catalogue)}};
}

Result<CaseCalculation> CalculateForCase(const Case& k, const discretion::Catalogue& catalogue, const Json& body) {
    if (!body.is_object()) return Status::Invalid("body", "must_be_object");
    if (!body.contains("person_id")) return Status::Invalid("person_id", "required");
    if (!body["person_id"].is_number_integer()) return Status::Invalid("person_id", "must_be_integer");
    const int64_t pid = body["person_id"].get<int64_t>();
    auto it = std::find_if(k.people.begin(), k.people.end(),
                           [&](const Person& p) { return p.id == pid && p.role == "suspect"; });
    if (it == k.people.end()) return Status::Invalid("person_id", "not_an_offender");
    if (!body.contains("request") || !body["request"].is_object()) return Status::Invalid("request", "required");

    Json request = body["request"];
    if (!request.contains("offender") || !request["offender"].is_object()) request["offender"] = Json::object();
    // The case's record of the person is the fact: a birth date the client sent is ignored when the ID states one.
    if (const auto birth = BirthDateOf(*it)) {
        request["offender"]["birth_date"] = FormatDate(*birth);
    } else if (!request["offender"].contains("birth_date")) {
        return Status::Invalid("offender.birth_date", "no_birth_date");
    }
    if (request.contains("edition_id")) {
        if (!request["edition_id"].is_number_integer() ||
            request["edition_id"].get<int64_t>() != catalogue.edition().id)
            return Status::Invalid("edition_id", "not_current_edition");
    }
    JW_ASSIGN_OR_RETURN(discretion::DecisionRequest parsed, discretion::ParseDecisionRequest(request.dump()));
    JW_ASSIGN_OR_RETURN(discretion::Decision decision, discretion::Decide(catalogue, parsed));
    CaseCalculation out;
    out.person_id = pid;
    out.decision = discretion::DecisionToJson(decision);
    // Stored with the decision: the age, not the birth date (the ID number stays sealed, ADR 0017).
    request["offender"].erase("birth_date");
    request["offender"]["age_at_act"] = discretion::AgeOn(parsed.offender.birth_date, parsed.act_end_date);
    out.request = std::move(request);
    return out;
}

Result<Json> DecisionToRecord(const CaseCalculation& computed, const Json& shown) {
    if (!shown.is_object()) return Status::Invalid("decision", "required");
    if (shown != computed.decision) return Status(ErrorCode::kConflict, "decision_changed", {{"decision", "mismatch"}});
    Json stored = computed.decision;
    stored["request"] = computed.request;
    stored["person_id"] = computed.person_id;
    return stored;
}

}  // namespace jw::cases
