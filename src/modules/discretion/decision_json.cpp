#include "discretion/decision_json.hpp"

namespace jw::discretion {
namespace {

void Prefix(JsonReader& into, const std::string& prefix, const Status& s) {
    for (const auto& [k, v] : s.fields()) into.Fail(prefix + k, v);
}

std::optional<CivilDate> DateField(JsonReader& r, const std::string& name, bool required) {
    auto text = r.Text(name, required, 10);
    if (!text) return std::nullopt;
    auto d = ParseDate(*text);
    if (!d || text->size() != 10) {
        r.Fail(name, "bad_date");
        return std::nullopt;
    }
    return d;
}

template <typename E>
std::optional<E> Enum(JsonReader& r, const std::string& name, bool required, const std::map<std::string, E>& values,
                      const std::string& field) {
    auto text = r.Text(name, required, 40);
    if (!text) return std::nullopt;
    auto it = values.find(*text);
    if (it == values.end()) {
        r.Fail(field, "unknown_value");
        return std::nullopt;
    }
    return it->second;
}

void ParseOffender(JsonReader& top, const Json& o, Offender* out) {
    if (!o.is_object()) {
        top.Fail("offender", "must_be_object");
        return;
    }
    JsonReader r(
        o, {"birth_date", "first_violation", "pregnant", "nursing_infant", "mental_capacity", "blind_or_deaf_mute"});
    if (auto d = DateField(r, "birth_date", true)) out->birth_date = *d;
    out->first_violation = r.Bool("first_violation", false).value_or(false);
    out->pregnant = r.Bool("pregnant", false).value_or(false);
    out->nursing_infant = r.Bool("nursing_infant", false).value_or(false);
    out->blind_or_deaf_mute = r.Bool("blind_or_deaf_mute", false).value_or(false);
    out->mental_capacity =
        Enum<MentalCapacity>(
            r, "mental_capacity", false,
            {{"full", MentalCapacity::kFull}, {"limited", MentalCapacity::kLimited}, {"none", MentalCapacity::kNone}},
            "mental_capacity")
            .value_or(MentalCapacity::kFull);
    Prefix(top, "offender.", r.status());
}

// One fact by its declared type (data/facts.csv); problems under `field` of the violation's reader.
void ReadFact(JsonReader& r, const std::string& field, const FactDef& d, const Json& value, FactValues* into) {
    switch (d.type) {
        case FactType::kInt:
            if (!value.is_number_integer()) return r.Fail(field, "must_be_integer");
            if (value.get<int64_t>() < d.min || value.get<int64_t>() > d.max) return r.Fail(field, "out_of_range");
            into->numbers[d.name] = value.get<int64_t>();
            return;
        case FactType::kBool:
            if (!value.is_boolean()) return r.Fail(field, "must_be_boolean");
            into->numbers[d.name] = value.get<bool>() ? 1 : 0;
            return;
        case FactType::kDate: {
            auto date = value.is_string() ? ParseDate(value.get<std::string>()) : std::nullopt;
            if (!date || value.get<std::string>().size() != 10) return r.Fail(field, "bad_date");
            into->dates[d.name] = *date;
            return;
        }
    }
}

// "facts": {"offenders": 2, "ringleader": true, "victims": [{"birth_date": "1960-01-01", "disabled": true}], ...}:
// the names and types are the catalogue's fact vocabulary (data/facts.csv), victim facts without "victim.".
void ParseFacts(JsonReader& r, const Json& f, Facts* out) {
    if (!f.is_object()) return r.Fail("facts", "must_be_object");
    const auto& defs = Catalogue::Embedded().fact_defs();
    for (const auto& [key, value] : f.items()) {
        const std::string field = "facts." + key;
        if (key != "victims") {
            const FactDef* d = key.rfind("victim.", 0) == 0 ? nullptr : FindFactDef(defs, key);
            if (d == nullptr)
                r.Fail(field, "unknown_field");
            else
                ReadFact(r, field, *d, value, &out->act);
            continue;
        }
        if (!value.is_array()) {
            r.Fail(field, "must_be_array");
            continue;
        }
        if (value.size() > 100) {
            r.Fail(field, "too_many");
            continue;
        }
        for (size_t k = 0; k < value.size(); ++k) {
            const std::string vf = field + "[" + std::to_string(k) + "]";
            FactValues victim;
            if (!value[k].is_object()) {
                r.Fail(vf, "must_be_object");
                continue;
            }
            for (const auto& [vk, vv] : value[k].items()) {
                const FactDef* d = FindFactDef(defs, "victim." + vk);
                if (d == nullptr)
                    r.Fail(vf + "." + vk, "unknown_field");
                else
                    ReadFact(r, vf + "." + vk, *d, vv, &victim);
            }
            if (value[k].contains("age") && value[k].contains("birth_date")) {
                r.Fail(vf + ".age", "give_either_age_or_birth_date");
            }
            out->victims.push_back(std::move(victim));
        }
    }
}

void ParseViolation(JsonReader& top, const Json& v, size_t i, ViolationRequest* out) {
    const std::string p = "violations[" + std::to_string(i) + "].";
    if (!v.is_object()) {
        top.Fail(p.substr(0, p.size() - 1), "must_be_object");
        return;
    }
    JsonReader r(v, {"tier", "circumstance", "pick", "add_fine", "factors", "mitigation", "facts"});
    if (r.Has("facts")) ParseFacts(r, v["facts"], &out->facts);
    if (r.Has("circumstance") && r.Has("tier")) {
        r.Fail("circumstance", "give_either_tier_or_circumstance");
    } else if (r.Has("circumstance")) {
        // Resolved against the edition in force when deciding (Decide), which the parser does not know.
        if (auto id = r.Text("circumstance", true, 60)) out->circumstance = *id;
    } else if (!r.Has("tier")) {
        r.Fail("tier", "required");
    } else if (!v["tier"].is_object()) {
        r.Fail("tier", "must_be_object");
    } else {
        const Json& t = v["tier"];
        JsonReader tr(t, {"law", "article", "paragraph", "kind", "seq"});
        auto law = tr.Text("law", true, 4);
        if (law && *law != "2012" && *law != "2025") tr.Fail("law", "unknown_value");
        auto article = tr.Int("article", true, 1, 200);
        auto paragraph = tr.Int("paragraph", true, 1, 10);
        auto kind = tr.Text("kind", true, 5);
        if (kind && *kind != "light" && *kind != "base" && *kind != "heavy") tr.Fail("kind", "unknown_value");
        auto seq = tr.Int("seq", false, 1, 10);
        Prefix(r, "tier.", tr.status());
        if (tr.status().ok()) {
            out->tier = {*law, static_cast<int>(*article), static_cast<int>(*paragraph), *kind,
                         static_cast<int>(seq.value_or(1))};
        }
    }
    out->pick =
        Enum<Pick>(r, "pick", false,
                   {{"detention", Pick::kDetention}, {"fine", Pick::kFine}, {"warning", Pick::kWarning}}, "pick")
            .value_or(Pick::kNone);
    out->add_fine = r.Bool("add_fine", false);
    out->factors = r.TextList("factors", false, 30, 60).value_or(std::vector<std::string>{});
    out->mitigation =
        Enum<Mitigation>(
            r, "mitigation", false,
            {{"lighten", Mitigation::kLighten}, {"reduce", Mitigation::kReduce}, {"exempt", Mitigation::kExempt}},
            "mitigation")
            .value_or(Mitigation::kLighten);
    Prefix(top, p, r.status());
}

}  // namespace

Result<DecisionRequest> ParseDecisionRequest(std::string_view body) {
    JW_ASSIGN_OR_RETURN(Json root, ParseJsonObject(body));
    JsonReader r(root, {"law", "act_end_date", "decision_date", "discovered_date", "offender", "prior_restraint_days",
                        "violations", "edition_id"});
    DecisionRequest req;
    req.law = r.Text("law", false, 4).value_or("auto");
    if (req.law != "auto" && req.law != "2012" && req.law != "2025") r.Fail("law", "unknown_value");
    if (auto d = DateField(r, "act_end_date", true)) req.act_end_date = *d;
    if (auto d = DateField(r, "decision_date", true)) req.decision_date = *d;
    req.discovered_date = DateField(r, "discovered_date", false);
    req.edition_id = r.Int("edition_id", false, 1, INT64_MAX);
    req.prior_restraint_days = static_cast<int>(r.Int("prior_restraint_days", false, 0, 3650).value_or(0));
    if (!r.Has("offender"))
        r.Fail("offender", "required");
    else
        ParseOffender(r, root["offender"], &req.offender);
    if (!r.Has("violations")) {
        r.Fail("violations", "required");
    } else if (!root["violations"].is_array() || root["violations"].empty()) {
        r.Fail("violations", "must_be_non_empty_array");
    } else if (root["violations"].size() > 50) {
        r.Fail("violations", "too_many");
    } else {
        req.violations.resize(root["violations"].size());
        for (size_t i = 0; i < req.violations.size(); ++i)
            ParseViolation(r, root["violations"][i], i, &req.violations[i]);
    }
    JW_RETURN_IF_ERROR(r.status());
    return req;
}

Json TierKeyToJson(const TierKey& key) {
    Json j = {{"law", key.law}, {"article", key.article}, {"paragraph", key.paragraph}, {"kind", key.kind}};
    if (key.seq != 1) j["seq"] = key.seq;
    return j;
}

namespace {
Json TraceToJson(const std::vector<TraceStep>& trace) {
    Json out = Json::array();
    for (const auto& s : trace) {
        out.push_back({{"step", s.step},
                       {"input", s.input},
                       {"output", s.output},
                       {"basis", s.basis},
                       {"law", s.law},
                       {"article", s.article},
                       {"paragraph", s.paragraph},
                       {"detail", s.detail}});
    }
    return out;
}
Json AggravationsOf(const ViolationDecision& v) {
    Json out = Json::array();
    for (const auto& a : v.aggravations) {
        Json j = {{"code", a.code},       {"law", a.law},
                  {"article", a.article}, {"paragraph", a.paragraph},
                  {"item", a.item},       {"basis", a.basis},
                  {"name", a.name},       {"facts", a.facts},
                  {"note", a.note},       {"effect", a.tier ? "tier" : "factor"}};
        if (a.tier)
            j["tier"] = TierKeyToJson(*a.tier);
        else
            j["factor"] = a.factor;
        out.push_back(std::move(j));
    }
    return out;
}
}  // namespace

Json AggravationRulesToJson(const Catalogue& c, const std::string& law) {
    Json facts = Json::array();
    for (const auto& d : c.fact_defs()) {
        static const char* kTypes[] = {"int", "bool", "date"};
        Json j = {{"name", d.name}, {"type", kTypes[static_cast<int>(d.type)]}, {"name_zh", d.name_zh}};
        if (d.type == FactType::kInt) j["min"] = d.min, j["max"] = d.max;
        facts.push_back(std::move(j));
    }
    Json items = Json::array();
    for (const auto& a : c.aggravations()) {
        if (!law.empty() && a.law != law) continue;
        Json used = Json::array();
        for (const auto& cond : a.conditions) used.push_back(cond.fact);
        Json j = {{"law", a.law},
                  {"code", a.code},
                  {"from_article", a.from_article},
                  {"from_paragraph", a.from_paragraph},
                  {"article", a.article},
                  {"paragraph", a.paragraph},
                  {"item", a.item},
                  {"basis", Citation("治安管理处罚法（" + a.law + "）", a.article, a.paragraph, a.item)},
                  {"name", a.name},
                  {"condition", a.condition},
                  {"facts", used},
                  {"note", a.note},
                  {"effect", a.RaisesTier() ? "tier" : "factor"}};
        if (a.RaisesTier())
            j["tier"] = TierKeyToJson({a.law, a.article, a.paragraph, a.kind, 1});
        else
            j["factor"] = a.factor;
        items.push_back(std::move(j));
    }
    return {{"items", items}, {"facts", facts}};
}

Json EditionRefToJson(const EditionRef& e) {
    return {
        {"id", e.id}, {"code", e.code}, {"version", e.version}, {"content_hash", e.content_hash}, {"sample", e.sample}};
}

Json DecisionToJson(const Decision& d) {
    Json violations = Json::array();
    for (const auto& v : d.violations) {
        violations.push_back({{"tier", TierKeyToJson(v.tier)},
                              {"requested_tier", TierKeyToJson(v.requested_tier)},
                              {"aggravations", AggravationsOf(v)},
                              {"circumstance", v.circumstance},
                              {"outcome", OutcomeName(v.outcome)},
                              {"detention_days", v.detention_days},
                              {"fine_yuan", v.fine_yuan},
                              {"warning", v.warning},
                              {"detention_executed", v.detention_executed},
                              {"corrective_education", v.corrective_education},
                              {"trace", TraceToJson(v.trace)}});
    }
    return {
        {"law_applied", d.law_applied},
        {"benchmark_edition",
         d.benchmark_edition.empty() ? "" : d.benchmark_edition + (d.edition.sample ? "（样本，非正式裁量基准）" : "")},
        {"edition", EditionRefToJson(d.edition)},
        {"violations", violations},
        {"combined",
         {{"detention_days", d.combined.detention_days},
          {"capped_detention_days", d.combined.capped_detention_days},
          {"executed_detention_days", d.combined.executed_detention_days},
          {"fine_yuan", d.combined.fine_yuan},
          {"warning", d.combined.warning}}},
        {"procedure",
         {{"decided_by", d.procedure.decided_by},
          {"on_the_spot_allowed", d.procedure.on_the_spot_allowed},
          {"hearing_right", d.procedure.hearing_right},
          {"legal_review_required", d.procedure.legal_review_required}}},
        {"trace", TraceToJson(d.trace)}};
}

Json ErrorToJson(const Status& status) {
    Json fields = Json::object();
    for (const auto& [k, v] : status.fields()) fields[k] = v;
    return {{"code", ErrorCodeName(status.code())}, {"message", status.message()}, {"fields", fields}};
}

Result<Json> DecideJson(std::string_view body) {
    JW_ASSIGN_OR_RETURN(DecisionRequest req, ParseDecisionRequest(body));
    if (req.edition_id) return Status::Invalid("edition_id", "stored_editions_need_the_server");
    JW_ASSIGN_OR_RETURN(Decision d, Decide(Catalogue::Embedded(), req));
    return DecisionToJson(d);
}

}  // namespace jw::discretion
