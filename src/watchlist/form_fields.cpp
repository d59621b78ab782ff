// Shared watch-list form fields (form_fields.hpp).
#include "watchlist/form_fields.hpp"

#include "common/civil_time.hpp"
#include "http/params.hpp"
#include "watchlist/lifecycle.hpp"

namespace jw::watchlist {

std::optional<int64_t> TimeField(JsonReader& in, const char* name, bool required) {
    auto text = in.Text(name, required, 40);
    if (!text) return std::nullopt;
    auto t = ParseUtcIso(*text);
    if (!t) t = ParseChinaTime(*text);
    if (!t) in.Fail(name, "bad_format");
    return t;
}

std::optional<std::vector<int64_t>> UnitIdsField(JsonReader& in, const Json& body, bool required) {
    auto it = body.find("unit_ids");
    if (it == body.end() || it->is_null()) {
        if (required) in.Fail("unit_ids", "required");
        return std::nullopt;
    }
    if (!it->is_array() || it->empty() || it->size() > kMaxNotifyUnits) {
        in.Fail("unit_ids", "between 1 and 50 units");
        return std::nullopt;
    }
    std::vector<int64_t> out;
    for (const auto& e : *it) {
        if (e.is_number_integer() && e.get<int64_t>() > 0) {
            out.push_back(e.get<int64_t>());
        } else if (auto id = e.is_string() ? http::ParseInteger("unit_ids", e.get<std::string>(), 1, INT64_MAX)
                                           : Result<int64_t>(Status::Invalid("unit_ids", "must_be_string"));
                   id.ok()) {
            out.push_back(*id);
        } else {
            in.Fail("unit_ids", "not_a_unit_id");
            return std::nullopt;
        }
    }
    return out;
}

Result<ReasonBody> ParseReasonBody(std::string_view body, bool reason_required) {
    JW_ASSIGN_OR_RETURN(Json object, ParseJsonObject(body.empty() ? "{}" : body));
    JsonReader in(object, {"reason", "version"});
    ReasonBody b;
    b.reason = in.Text("reason", reason_required, 200).value_or("");
    b.version = in.Int("version", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    return b;
}

}  // namespace jw::watchlist
