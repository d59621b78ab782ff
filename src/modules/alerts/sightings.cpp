// Grouped alerts: raise or grow (sightings.hpp).
#include "alerts/sightings.hpp"

#include <algorithm>
#include <map>

#include "alerts/alerts_repository.hpp"
#include "alerts/alerts_service.hpp"
#include "alerts/sightings_repository.hpp"
#include "common/civil_time.hpp"
#include "common/csv_reader.hpp"

namespace jw::alerts {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

// data/grouping.csv: source,window_s. Read once; a malformed row is left out (the source then does not group).
const std::map<std::string, int64_t, std::less<>>& Windows() {
    static const std::map<std::string, int64_t, std::less<>> windows = [] {
        std::map<std::string, int64_t, std::less<>> out;
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name != "grouping.csv") continue;
            auto rows = ReadCsv(content, CsvOptions{.name = "grouping.csv"});
            if (!rows.ok()) break;
            for (size_t i = 1; i < rows->size(); ++i) {
                const auto& cells = (*rows)[i];
                if (cells.size() != 2) continue;
                try {
                    out[cells[0]] = std::max<int64_t>(0, std::stoll(cells[1]));
                } catch (...) {
                }
            }
        }
        return out;
    }();
    return windows;
}

// The title code and its parameters for an alert with `count` sightings, the latest at `place`. A watch order's
// title switches to its plural form; another source's own title code (a person check) keeps its words.
void Retitle(std::string& code, MessageParams& params, int64_t count, const std::string& place) {
    params["count"] = std::to_string(count);
    params["place"] = place;
    const std::string_view one = MessageCode("alerts.title.watch_hit"), many = MessageCode("alerts.title.watch_hits");
    if (code == one || code == many) code = std::string(count > 1 ? many : one);
}

MessageParams ParamsOf(const Json& j) {
    MessageParams p;
    if (!j.is_object()) return p;
    for (const auto& [k, v] : j.items())
        if (v.is_string()) p[k] = v.get<std::string>();
    return p;
}

// Adds a sighting to the group's open alert: the row, the count and latest place in the payload and title, and an
// in-app "alerts.sighted" notification to the same people as the alert's (no SMS: the alert was sent already).
Status Grow(storage::Connection& c, int64_t alert_id, const SightingInput& s, int64_t now) {
    JW_RETURN_IF_ERROR(repo::InsertSighting(c, alert_id, s, now));
    JW_ASSIGN_OR_RETURN(const int64_t count, repo::CountSightings(c, alert_id));
    JW_ASSIGN_OR_RETURN(Json payload, repo::LoadPayload(c, alert_id));
    std::string code = payload.value("title_code", "");
    MessageParams params = ParamsOf(payload.value("title_params", Json::object()));
    if (!code.empty()) Retitle(code, params, count, s.place);
    payload["title_code"] = code;
    payload["title_params"] = params;
    payload["sighting_count"] = count;
    payload["last_seen_at"] = FormatUtcIso(std::max<int64_t>(s.seen_at, 0));
    JW_ASSIGN_OR_RETURN(Alert a, repo::GetAlert(c, alert_id));
    const std::string title = code.empty() ? a.title : Message(code, Lang::kZhCN, params);
    JW_RETURN_IF_ERROR(repo::UpdatePayloadAndTitle(c, alert_id, payload, title));
    std::vector<int64_t> units;
    for (const auto& t : a.targets) units.push_back(t.unit_id);
    MessageParams note = params;
    note["colour"] = a.colour;
    note["subject"] = a.subject;
    note["alert_id"] = std::to_string(alert_id);
    note["seen_at"] = FormatChinaTime(s.seen_at);
    return NotifyAlertUnits(c, units, std::string(MessageCode("alerts.sighted")), std::move(note), false);
}

}  // namespace

int64_t GroupWindow(std::string_view source) {
    const auto& w = Windows();
    auto it = w.find(source);
    return it == w.end() ? 0 : it->second;
}

Result<int64_t> RaiseOrGrow(storage::Connection& c, const Policy& policy, RaiseInput in, const std::string& group_key,
                            const SightingInput& s, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto seen, repo::FindSighting(c, s.ref));
    if (seen) return *seen;
    JW_ASSIGN_OR_RETURN(const repo::GroupState g, repo::LockGroup(c, group_key, now));
    // Another writer may have added this very sighting while we waited for the group's lock.
    JW_ASSIGN_OR_RETURN(seen, repo::FindSighting(c, s.ref));
    if (seen) return *seen;
    const int64_t window = GroupWindow(in.source);
    const bool joins = g.alert_id && g.status == "open" && window > 0 && s.seen_at >= g.first_at - window &&
                       s.seen_at <= g.last_at + window;
    if (joins) {
        JW_RETURN_IF_ERROR(Grow(c, *g.alert_id, s, now));
        JW_RETURN_IF_ERROR(
            repo::SetGroup(c, group_key, *g.alert_id, std::min(g.first_at, s.seen_at), std::max(g.last_at, s.seen_at)));
        return *g.alert_id;
    }
    if (!in.title_code.empty()) Retitle(in.title_code, in.title_params, 1, s.place);
    in.payload["sighting_count"] = 1;
    in.payload["last_seen_at"] = FormatUtcIso(std::max<int64_t>(s.seen_at, 0));
    JW_ASSIGN_OR_RETURN(const int64_t id, Raise(c, policy, in, now));
    // (An alert raised under this dedup key before grouping existed is returned by Raise and gets the sighting.)
    JW_RETURN_IF_ERROR(repo::InsertSighting(c, id, s, now));
    JW_RETURN_IF_ERROR(repo::SetGroup(c, group_key, id, s.seen_at, s.seen_at));
    return id;
}

Result<std::vector<Sighting>> ListSightings(storage::Connection& c, int64_t alert_id) {
    return repo::ListSightings(c, alert_id);
}

std::string TitleIn(const Alert& a, Lang lang) {
    if (!a.payload.is_object()) return a.title;
    const std::string code = a.payload.value("title_code", "");
    if (code.empty() || !HasMessage(code, lang)) return a.title;
    return Message(code, lang, ParamsOf(a.payload.value("title_params", Json::object())));
}

}  // namespace jw::alerts
