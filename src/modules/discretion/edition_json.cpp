#include "discretion/edition_json.hpp"

#include "discretion/decision_json.hpp"

namespace jw::discretion {

Json EditionToJson(const Edition& e) {
    return {{"id", e.id},
            {"code", e.code},
            {"version", e.version},
            {"title", e.title},
            {"sample", e.sample},
            {"status", e.status},
            {"based_on", e.based_on ? Json(*e.based_on) : Json(nullptr)},
            {"content_hash", e.content_hash},
            {"created_by", e.created_by},
            {"created_at", e.created_at},
            {"submitted_by", e.submitted_by},
            {"submitted_at", e.submitted_at},
            {"reviewed_by", e.reviewed_by},
            {"reviewed_at", e.reviewed_at},
            {"published_at", e.published_at},
            {"review_note", e.review_note},
            {"circumstance_count", e.circumstance_count}};
}

Json CircumstanceToJson(const Circumstance& c) {
    return {{"id", c.id},
            {"tier", TierKeyToJson(c.tier)},
            {"description", c.description},
            {"base_detention", c.base_detention > 0 ? Json(c.base_detention) : Json(nullptr)},
            {"base_fine", c.base_fine >= 0 ? Json(c.base_fine) : Json(nullptr)},
            {"pick", c.pick},
            {"add_fine", c.add_fine ? Json(*c.add_fine) : Json(nullptr)}};
}

Json TierToJson(const Tier& t) {
    Json j = TierKeyToJson(t.key);
    j["seq"] = t.key.seq;
    j["combination"] = CombinationName(t.combination);
    j["detention_min"] = t.detention_min;
    j["detention_max"] = t.detention_max;
    j["fine_min"] = t.fine_min;
    j["fine_max"] = t.fine_max;
    j["gains_multiple_min"] = t.gains_multiple_min;
    j["gains_multiple_max"] = t.gains_multiple_max;
    j["warning"] = t.warning;
    j["other"] = t.other;
    j["clause"] = t.clause;
    j["citation"] = Citation("治安管理处罚法（" + t.key.law + "）", t.key.article, t.key.paragraph);
    return j;
}

Json FactorToJson(const Factor& f) {
    return {{"law", f.law},
            {"code", f.code},
            {"source", f.source},
            {"article", f.article},
            {"paragraph", f.paragraph},
            {"item", f.item},
            {"mandatory", f.mandatory},
            {"percent", f.percent},
            {"name", f.name},
            {"citation", Citation(f.source, f.article, f.paragraph, f.item)}};
}

Result<Circumstance> ParseCircumstance(const std::string& id, std::string_view body) {
    JW_ASSIGN_OR_RETURN(Json root, ParseJsonObject(body));
    JsonReader r(root, {"tier", "description", "base_detention", "base_fine", "pick", "add_fine"});
    Circumstance c;
    c.id = id;
    c.description = r.Text("description", true, 200).value_or("");
    if (!r.Has("tier")) {
        r.Fail("tier", "required");
    } else if (!root["tier"].is_object()) {
        r.Fail("tier", "must_be_object");
    } else {
        JsonReader tr(root["tier"], {"law", "article", "paragraph", "kind", "seq"});
        c.tier.law = tr.Text("law", true, 4).value_or("");
        c.tier.article = static_cast<int>(tr.Int("article", true, 1, 500).value_or(0));
        c.tier.paragraph = static_cast<int>(tr.Int("paragraph", true, 1, 20).value_or(0));
        c.tier.kind = tr.Text("kind", true, 5).value_or("");
        c.tier.seq = static_cast<int>(tr.Int("seq", false, 1, 10).value_or(1));
        const Status tr_status = tr.status();
        for (const auto& [k, v] : tr_status.fields()) r.Fail("tier." + k, v);
    }
    auto nullable_int = [&](const char* name, int64_t max) -> std::optional<int64_t> {
        if (!r.Has(name) || root[name].is_null()) return std::nullopt;
        return r.Int(name, true, 0, max);
    };
    c.base_detention = static_cast<int>(nullable_int("base_detention", 20).value_or(0));
    c.base_fine = nullable_int("base_fine", 1000000).value_or(-1);
    c.pick = r.Text("pick", false, 10).value_or("");
    if (!c.pick.empty() && c.pick != "detention" && c.pick != "fine" && c.pick != "warning") {
        r.Fail("pick", "unknown_value");
    }
    if (r.Has("add_fine") && !root["add_fine"].is_null()) c.add_fine = r.Bool("add_fine", true);
    JW_RETURN_IF_ERROR(r.status());
    if (Status s = ValidateCircumstance(Catalogue::Embedded(), c); !s.ok()) return s;
    return c;
}

}  // namespace jw::discretion
