// DecisionFromJson (documents.hpp): a stored decision back to the fields the documents print.
#include "discretion/documents.hpp"

namespace jw::discretion {
namespace {

std::string Str(const Json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}
int64_t Int(const Json& j, const char* key) {
    return j.contains(key) && j[key].is_number_integer() ? j[key].get<int64_t>() : 0;
}
bool Bool(const Json& j, const char* key) { return j.contains(key) && j[key].is_boolean() && j[key].get<bool>(); }

TierKey TierOf(const Json& j) {
    TierKey k;
    if (!j.is_object()) return k;
    k.law = Str(j, "law");
    k.article = static_cast<int>(Int(j, "article"));
    k.paragraph = static_cast<int>(Int(j, "paragraph"));
    k.kind = Str(j, "kind");
    if (j.contains("seq")) k.seq = static_cast<int>(Int(j, "seq"));
    return k;
}

std::vector<TraceStep> Trace(const Json& j) {
    std::vector<TraceStep> out;
    if (!j.is_array()) return out;
    for (const auto& s : j) {
        if (!s.is_object()) continue;
        TraceStep t;
        t.step = Str(s, "step");
        t.input = Str(s, "input");
        t.output = Str(s, "output");
        t.basis = Str(s, "basis");
        t.law = Str(s, "law");
        t.article = static_cast<int>(Int(s, "article"));
        t.paragraph = static_cast<int>(Int(s, "paragraph"));
        t.detail = Str(s, "detail");
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

Result<Decision> DecisionFromJson(const Json& j) {
    const Status bad = Status::Invalid("decision", "bad_format");
    if (!j.is_object() || !j.contains("violations") || !j["violations"].is_array() || !j.contains("combined") ||
        !j["combined"].is_object())
        return bad;
    Decision d;
    d.law_applied = Str(j, "law_applied");
    d.benchmark_edition = Str(j, "benchmark_edition");
    if (j.contains("edition") && j["edition"].is_object()) {
        const Json& e = j["edition"];
        d.edition.id = Int(e, "id");
        d.edition.code = Str(e, "code");
        d.edition.version = static_cast<int>(Int(e, "version"));
        d.edition.content_hash = Str(e, "content_hash");
        d.edition.sample = Bool(e, "sample");
    }
    for (const auto& v : j["violations"]) {
        if (!v.is_object() || !v.contains("tier")) return bad;
        ViolationDecision out;
        out.tier = TierOf(v["tier"]);
        if (v.contains("requested_tier")) out.requested_tier = TierOf(v["requested_tier"]);
        if (v.contains("aggravations") && v["aggravations"].is_array()) {
            for (const auto& a : v["aggravations"]) {
                AppliedAggravation agg;
                agg.code = Str(a, "code");
                agg.law = Str(a, "law");
                agg.article = static_cast<int>(Int(a, "article"));
                agg.paragraph = static_cast<int>(Int(a, "paragraph"));
                agg.item = static_cast<int>(Int(a, "item"));
                agg.basis = Str(a, "basis");
                agg.name = Str(a, "name");
                agg.facts = Str(a, "facts");
                agg.note = Str(a, "note");
                if (a.contains("tier")) agg.tier = TierOf(a["tier"]);
                agg.factor = Str(a, "factor");
                out.aggravations.push_back(std::move(agg));
            }
        }
        out.circumstance = Str(v, "circumstance");
        const std::string outcome = Str(v, "outcome");
        out.outcome = outcome == "not_punished"         ? Outcome::kNotPunished
                      : outcome == "no_longer_punished" ? Outcome::kNoLongerPunished
                                                        : Outcome::kPenalty;
        out.detention_days = static_cast<int>(Int(v, "detention_days"));
        out.fine_yuan = Int(v, "fine_yuan");
        out.warning = Bool(v, "warning");
        out.detention_executed = Bool(v, "detention_executed");
        out.corrective_education = Bool(v, "corrective_education");
        if (v.contains("trace")) out.trace = Trace(v["trace"]);
        d.violations.push_back(std::move(out));
    }
    const Json& c = j["combined"];
    d.combined.detention_days = static_cast<int>(Int(c, "detention_days"));
    d.combined.capped_detention_days = static_cast<int>(Int(c, "capped_detention_days"));
    d.combined.executed_detention_days = static_cast<int>(Int(c, "executed_detention_days"));
    d.combined.fine_yuan = Int(c, "fine_yuan");
    d.combined.warning = Bool(c, "warning");
    if (j.contains("trace")) d.trace = Trace(j["trace"]);
    return d;
}

}  // namespace jw::discretion
