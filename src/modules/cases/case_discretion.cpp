// The discretion calculator from a case: prefill, calculation and the decision to record (case_discretion.hpp).
#include "cases/case_discretion.hpp"

#include <algorithm>

#include "cases/case_service.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "discretion/cause_articles.hpp"
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

// The tiers of the articles the cause points to (discretion/cause_articles.csv, the case's law text when set), base
// tiers first within each article: a suggestion the officer confirms, never applied without them. The item of a
// 有下列行为之一 article (第二十六条第一款第（一）项) goes with its tiers, for the citation.
Json Candidates(const Case& k, const discretion::Catalogue& catalogue) {
    Json out = Json::array();
    for (const auto& a : discretion::ArticlesForCause(k.cause, k.law)) {
        std::vector<const discretion::Tier*> found;
        for (const auto& t : catalogue.tiers())
            if (t.key.law == a.law && t.key.article == a.article && t.key.paragraph == a.paragraph) found.push_back(&t);
        std::stable_sort(found.begin(), found.end(), [](const auto* x, const auto* y) {
            return (x->key.kind == "base") > (y->key.kind == "base");
        });
        for (const auto* t : found) {
            if (out.size() >= kMaxCandidates) return out;
            Json j = discretion::TierToJson(*t);
            j["item"] = a.item;
            j["citation"] = discretion::Citation("治安管理处罚法", a.article, a.paragraph, a.item);
            out.push_back(std::move(j));
        }
    }
    return out;
}

}  // namespace

int RestraintDays(const std::vector<CaseEvent>& events, int64_t person_id) {
    int days = 0;
    for (const auto& e : events) {
        if (e.action != "liberty_restricted" || e.person_id != person_id) continue;
        const Json data = Json::parse(e.data_json.empty() ? "{}" : e.data_json, nullptr, false);
        if (data.is_object() && data.contains("days") && data["days"].is_number_integer())
            days += data["days"].get<int>();
    }
    return days;
}

Result<OffenderHistories> LoadOffenderHistories(storage::Connection& c, const Case& k) {
    OffenderHistories out;
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, k.id));
    for (const Person& p : k.people) {
        if (p.role != "suspect") continue;
        OffenderHistory h;
        h.restraint_days = RestraintDays(events, p.id);
        if (p.index_person_id) {
            JW_ASSIGN_OR_RETURN(h.earlier, repo::EarlierPenalties(c, *p.index_person_id, k.id, k.occurred_at));
            h.first_violation = h.earlier.empty();
        }
        out[p.id] = std::move(h);
    }
    return out;
}

namespace {

Json EarlierJson(const OffenderHistory& h) {
    Json out = Json::array();
    for (const auto& e : h.earlier)
        out.push_back({{"case_id", e.case_id}, {"case_no", e.case_no}, {"occurred_at", e.occurred_at}});
    return out;
}

const OffenderHistory& HistoryOf(const OffenderHistories& all, int64_t person_id) {
    static const OffenderHistory kNone;
    auto it = all.find(person_id);
    return it == all.end() ? kNone : it->second;
}

}  // namespace

Json DiscretionPrefillJson(const Case& k, const discretion::Catalogue& catalogue, const OffenderHistories& histories,
                           int64_t now) {
    const CivilDate act = ChinaDateOf(k.occurred_at);
    Json offenders = Json::array();
    for (const Person& p : k.people) {
        if (p.role != "suspect") continue;
        const auto birth = BirthDateOf(p);
        const OffenderHistory& h = HistoryOf(histories, p.id);
        offenders.push_back({{"person_id", p.id},
                             {"name", MaskName(p.name)},
                             {"id_type", p.id_type},
                             {"age_at_act", birth ? Json(discretion::AgeOn(*birth, act)) : Json(nullptr)},
                             {"needs_birth_date", !birth.has_value()},
                             {"first_violation", h.first_violation ? Json(*h.first_violation) : Json(nullptr)},
                             {"earlier_cases", EarlierJson(h)},
                             {"prior_restraint_days", h.restraint_days}});
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

std::string OverridesAuditText(const Json& body) {
    std::string out;
    if (!body.is_object() || !body.contains("overrides") || !body["overrides"].is_object()) return out;
    for (const auto& [field, reason] : body["overrides"].items())
        if (reason.is_string()) out += (out.empty() ? "" : "; ") + field + ": " + reason.get<std::string>();
    return out;
}

namespace {

// The reason body.overrides.<field> gives for departing from the case's fact, checked.
Result<std::string> OverrideReason(const Json& body, const std::string& field) {
    const std::string name = "overrides." + field;
    if (!body.contains("overrides") || !body["overrides"].is_object() || !body["overrides"].contains(field))
        return Status::Invalid(name, "reason_required");
    const Json& r = body["overrides"][field];
    if (!r.is_string() || r.get<std::string>().find_first_not_of(" \t") == std::string::npos)
        return Status::Invalid(name, "reason_required");
    if (Utf8Length(r.get<std::string>()).value_or(999) > 200) return Status::Invalid(name, "too_long");
    return r.get<std::string>();
}

}  // namespace

Result<CaseCalculation> CalculateForCase(const Case& k, const discretion::Catalogue& catalogue,
                                         const OffenderHistories& histories, const Json& body) {
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
    // The case's facts, unless the officer departs from them with a reason.
    const OffenderHistory& h = HistoryOf(histories, pid);
    Json overrides = Json::object();
    Json& offender = request["offender"];
    if (!offender.contains("first_violation")) {
        offender["first_violation"] = h.first_violation.value_or(false);
    } else if (h.first_violation && offender["first_violation"] != Json(*h.first_violation)) {
        JW_ASSIGN_OR_RETURN(overrides["first_violation"], OverrideReason(body, "first_violation"));
    }
    if (!request.contains("prior_restraint_days")) {
        request["prior_restraint_days"] = h.restraint_days;
    } else if (request["prior_restraint_days"] != Json(h.restraint_days)) {
        JW_ASSIGN_OR_RETURN(overrides["prior_restraint_days"], OverrideReason(body, "prior_restraint_days"));
    }
    Json earlier = Json::array();
    for (const auto& e : h.earlier) earlier.push_back(e.case_no);
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
    out.case_facts = {{"first_violation", h.first_violation ? Json(*h.first_violation) : Json(nullptr)},
                      {"earlier_cases", earlier},
                      {"prior_restraint_days", h.restraint_days}};
    out.overrides = std::move(overrides);
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
    stored["case_facts"] = computed.case_facts;
    stored["overrides"] = computed.overrides;
    return stored;
}

}  // namespace jw::cases
