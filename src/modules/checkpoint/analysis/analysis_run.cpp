#include "checkpoint/analysis/analysis_run.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analytics/json_text.hpp"
#include "checkpoint/analysis/clickhouse/analytics_router.hpp"
#include "common/china_day.hpp"

namespace jw::checkpoint {
namespace {

constexpr const char* kKinds[] = {"trajectory", "companion", "collision", "first_seen", "cloned", "night"};

Status Cancelled() { return Status(ErrorCode::kConflict, "analysis_cancelled", {{"status", "cancelled"}}); }

void Report(const RunControl& c, int progress, const std::string& phase) {
    if (c.progress) c.progress(std::clamp(progress, 0, 99), phase);
}
bool StopNow(const RunControl& c) { return c.cancelled && c.cancelled(); }

Result<Json> Trajectory(const analytics::Snapshot& s, const Json& request, const analytics::QueryLimits& limits,
                        const RunControl& control) {
    const int64_t from = *ParseChinaTime(request["from"].get<std::string>());
    const int64_t to = *ParseChinaTime(request["to"].get<std::string>());
    std::vector<std::pair<int64_t, int64_t>> days;
    for (int64_t a = from; a < to;) {
        const int64_t b = std::min(to, ChinaDayStart(a) + kDaySeconds);
        days.emplace_back(a, b);
        a = b;
    }
    Json passes = Json::array();
    for (size_t i = 0; i < days.size(); ++i) {
        if (StopNow(control)) return Cancelled();
        Json chunk = request;
        chunk["from"] = FormatChinaTime(days[i].first);
        chunk["to"] = FormatChinaTime(days[i].second);
        JW_ASSIGN_OR_RETURN(Json r, clickhouse::RunAnalysis(s, chunk, limits));
        for (auto& p : r["passes"]) passes.push_back(std::move(p));
        Report(control, static_cast<int>((i + 1) * 100 / days.size()),
               "day " + std::to_string(i + 1) + "/" + std::to_string(days.size()));
    }
    return Json{{"passes", std::move(passes)}};
}

Result<Json> Collision(const analytics::Snapshot& s, const Json& request, const analytics::QueryLimits& limits,
                       const RunControl& control) {
    const Json& conds = request["conditions"];
    const int64_t min_match = request["min_match"].get<int64_t>();
    std::map<std::string, int64_t> matched;
    for (size_t i = 0; i < conds.size(); ++i) {
        if (StopNow(control)) return Cancelled();
        Json chunk = {{"q", "collision"}, {"conditions", Json::array({conds[i]})}, {"min_match", 1}};
        auto r = clickhouse::RunAnalysis(s, chunk, limits);
        if (!r.ok()) return r.status();
        for (const auto& p : (*r)["plates"]) ++matched[p["plate"].get<std::string>()];
        Report(control, static_cast<int>((i + 1) * 100 / conds.size()),
               "condition " + std::to_string(i + 1) + "/" + std::to_string(conds.size()));
    }
    std::vector<std::pair<std::string, int64_t>> rows;
    for (auto& [plate, n] : matched)
        if (n >= min_match) rows.emplace_back(plate, n);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    Json plates = Json::array();
    for (auto& [plate, n] : rows) plates.push_back({{"plate", plate}, {"matched", n}});
    return Json{{"plates", std::move(plates)}};
}

void CollectIds(const Json& j, std::set<std::string>* ids) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (k == "checkpoint_id" && v.is_string())
                ids->insert(v.get<std::string>());
            else if (k == "checkpoints" && v.is_array()) {
                for (const auto& e : v)
                    if (e.is_string()) ids->insert(e.get<std::string>());
            } else {
                CollectIds(v, ids);
            }
        }
    } else if (j.is_array()) {
        for (const auto& e : j) CollectIds(e, ids);
    }
}

// The table's entries for `ids` ([{id, name, longitude, latitude}], ids not in the table left out), ordered by id.
Json CheckpointsJson(const analytics::Snapshot& s, const std::set<std::string>& ids) {
    Json out = Json::array();
    const auto& table = s.checkpoints();
    for (const auto& id : ids) {
        auto idx = table.Find(id);
        if (!idx) continue;
        const auto& cp = table.list[*idx];
        Json j = {{"id", cp.id}, {"name", cp.name}, {"longitude", nullptr}, {"latitude", nullptr}};
        if (cp.HasCoordinates()) {
            j["longitude"] = cp.longitude;
            j["latitude"] = cp.latitude;
        }
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace

bool IsAnalysisKind(const std::string& kind) {
    return std::any_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return kind == k; });
}

Result<Json> EngineRequest(const std::string& kind, const Json& params) {
    if (!IsAnalysisKind(kind)) return Status::Invalid("kind", "unknown");
    if (!params.is_object()) return Status::Invalid("params", "not_an_object");
    if (params.contains("q")) return Status::Invalid("params.q", "unknown_field");
    Json request = params;
    request["q"] = kind;
    return request;
}

Status DryRun(const analytics::Snapshot& s, const Json& request, const analytics::QueryLimits& limits) {
    Json probe = request;
    auto collapse = [](Json& obj) {
        if (obj.is_object() && obj.contains("from") && obj["from"].is_string() && obj.contains("to") &&
            obj["to"].is_string() && ParseChinaTime(obj["from"].get<std::string>()) &&
            ParseChinaTime(obj["to"].get<std::string>()))
            obj["to"] = obj["from"];
    };
    collapse(probe);
    if (probe.contains("conditions") && probe["conditions"].is_array())
        for (auto& c : probe["conditions"]) collapse(c);
    auto r = analytics::RunQuery(s, probe, limits);
    return r.ok() ? Status::Ok() : r.status();
}

Result<Json> RunChunked(const analytics::Snapshot& s, const Json& request, const analytics::QueryLimits& limits,
                        const RunControl& control) {
    JW_RETURN_IF_ERROR(DryRun(s, request, limits));
    if (StopNow(control)) return Cancelled();
    const std::string kind = request["q"].get<std::string>();
    if (kind == "trajectory") return Trajectory(s, request, limits, control);
    if (kind == "collision") return Collision(s, request, limits, control);
    Report(control, 10, "running");
    auto r = clickhouse::RunAnalysis(s, request, limits);  // the backend hook (ADR 0067)
    if (StopNow(control)) return Cancelled();
    return r;
}

int64_t RowCount(const std::string& kind, const Json& reply) {
    const char* key = kind == "trajectory"  ? "passes"
                      : kind == "companion" ? "companions"
                      : kind == "cloned"    ? "suspects"
                                            : "plates";
    auto it = reply.find(key);
    return it != reply.end() && it->is_array() ? static_cast<int64_t>(it->size()) : 0;
}

Json CheckpointsOf(const analytics::Snapshot& s, const Json& request, const Json& reply) {
    std::set<std::string> ids;
    CollectIds(request, &ids);
    CollectIds(reply, &ids);
    return CheckpointsJson(s, ids);
}

ResultText WithCheckpoints(const analytics::Snapshot& s, const Json& request, analytics::TextReply reply) {
    std::set<std::string> ids;
    CollectIds(request, &ids);
    ids.insert(reply.checkpoint_ids.begin(), reply.checkpoint_ids.end());
    ResultText out;
    out.row_count = static_cast<int64_t>(reply.rows);
    out.json = R"({"checkpoints":)" + CheckpointsJson(s, ids).dump();
    // The reply is an object with at least one key ({"passes": ...} and the like): its members follow.
    if (reply.json.size() > 2) out.json += ',';
    out.json.append(reply.json, 1);
    return out;
}

std::string DoneBody(int64_t task_id, const std::string& kind, const ResultText& result) {
    analytics::JsonText w(result.json.size() + 96);
    w.BeginObject();
    w.Key("kind");
    w.String(kind);
    w.Key("result");
    w.Raw(result.json);
    w.Key("row_count");
    w.Raw(std::to_string(result.row_count));
    w.Key("status");
    w.String("done");
    w.Key("task_id");
    w.Raw(std::to_string(task_id));
    w.EndObject();
    return std::move(w).Take();
}

bool IsCancelled(const Status& s) {
    auto it = s.fields().find("status");
    return s.code() == ErrorCode::kConflict && it != s.fields().end() && it->second == "cancelled";
}

}  // namespace jw::checkpoint
