// The live board's reply (board_view.hpp).
#include "dispatch/board/board_view.hpp"

#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_repository.hpp"

namespace jw::dispatch {
namespace {
const std::vector<std::string>& OpenStates() {
    static const std::vector<std::string> kOpen = {"received", "dispatched", "accepted", "arrived",
                                                   "finished", "diverted",   "review"};
    return kOpen;
}
Json OptD(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
}  // namespace

Result<Json> BoardJson(storage::Connection& c, const std::optional<std::vector<int64_t>>& scope, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto calls, repo::ListBoardCalls(c, OpenStates(), scope, kBoardLimit));
    JW_ASSIGN_OR_RETURN(auto counts, repo::CountCallsByState(c, OpenStates(), scope));
    JW_ASSIGN_OR_RETURN(auto patrols, repo::ListPatrols(c, scope));
    Json cj = Json::array(), categories = Json::object();
    for (const auto& k : calls) {
        cj.push_back({{"id", k.id},
                      {"call_no", k.call_no},
                      {"received_at", k.received_at},
                      {"state", k.state},
                      {"category", k.category},
                      {"police", k.police},
                      {"summary", k.summary},
                      {"place_text", k.place_text},
                      {"latitude", OptD(k.latitude)},
                      {"longitude", OptD(k.longitude)},
                      {"patrol_id", k.patrol_id ? Json(*k.patrol_id) : Json(nullptr)},
                      {"dispatch_due_at", k.dispatch_due_at},
                      {"arrival_due_at", k.arrival_due_at}});
        if (!categories.contains(k.category)) {
            const Category* cat = FindCategory(k.category);
            categories[k.category] = {{"zh", cat ? cat->name_zh : k.category}, {"en", cat ? cat->name_en : k.category}};
        }
    }
    Json pj = Json::array(), units = Json::object();
    for (const auto& p : patrols) {
        pj.push_back({{"id", p.id},
                      {"code", p.code},
                      {"name", p.name},
                      {"unit_id", p.unit_id},
                      {"status", p.status},
                      {"latitude", OptD(p.latitude)},
                      {"longitude", OptD(p.longitude)}});
        units[std::to_string(p.unit_id)] = p.unit_name;
    }
    int64_t total = 0;
    Json cn = Json::object();
    for (const auto& [state, n] : counts) {
        cn[state] = n;
        total += n;
    }
    return Json{{"now", now},     {"total", total},          {"counts", cn}, {"calls", cj}, {"patrols", pj},
                {"units", units}, {"categories", categories}};
}

}  // namespace jw::dispatch
