#include "analytics/query_json.hpp"

#include <chrono>
#include <cmath>
#include <optional>
#include <set>
#include <string>

#include "analytics/json_text.hpp"
#include "analytics/parallel.hpp"
#include "analytics/queries.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"

namespace jw::analytics {
namespace {

// Collects the first problem per field, in the style of JsonReader, for nested paths like conditions[2].from.
class Fields {
  public:
    explicit Fields(const Json& obj) : obj_(obj) {}
    void Fail(const std::string& field, const std::string& problem) { problems_.emplace(field, problem); }
    void Merge(const Fields& other) {
        for (const auto& [f, p] : other.problems_) problems_.emplace(f, p);
    }
    Status status() const {
        if (problems_.empty()) return Status::Ok();
        std::string msg = "invalid input:";
        for (const auto& [f, p] : problems_) msg += " " + f + " (" + p + ")";
        return Status(ErrorCode::kInvalidArgument, msg, problems_);
    }
    void Allow(std::initializer_list<std::string_view> allowed, const std::string& prefix = "") {
        for (const auto& [k, v] : obj_.items()) {
            bool ok = false;
            for (auto a : allowed) ok = ok || a == k;
            if (!ok) Fail(prefix + k, "unknown_field");
        }
    }
    const Json* Get(const std::string& name, const std::string& path, bool required) {
        auto it = obj_.find(name);
        if (it == obj_.end() || it->is_null()) {
            if (required) Fail(path, "required");
            return nullptr;
        }
        return &*it;
    }
    std::optional<int64_t> Time(const std::string& name, const std::string& path) {
        const Json* j = Get(name, path, true);
        if (!j) return std::nullopt;
        if (!j->is_string()) return Fail(path, "bad_type"), std::nullopt;
        auto t = ParseChinaTime(j->get<std::string>());
        if (!t) return Fail(path, "bad_time"), std::nullopt;
        if (*t < 0 || *t > int64_t{UINT32_MAX}) return Fail(path, "out_of_range"), std::nullopt;
        return t;
    }
    std::optional<int64_t> Int(const std::string& name, const std::string& path, bool required, int64_t lo,
                               int64_t hi) {
        const Json* j = Get(name, path, required);
        if (!j) return std::nullopt;
        if (!j->is_number_integer()) return Fail(path, "bad_type"), std::nullopt;
        const int64_t v = j->get<int64_t>();
        if (v < lo || v > hi) return Fail(path, "out_of_range"), std::nullopt;
        return v;
    }
    std::optional<double> Number(const std::string& name, const std::string& path, double lo, double hi) {
        const Json* j = Get(name, path, true);
        if (!j) return std::nullopt;
        if (!j->is_number()) return Fail(path, "bad_type"), std::nullopt;
        const double v = j->get<double>();
        if (!(v >= lo && v <= hi)) return Fail(path, "out_of_range"), std::nullopt;
        return v;
    }
    std::optional<std::vector<std::string>> Strings(const std::string& name, const std::string& path, bool required,
                                                    size_t max_items) {
        const Json* j = Get(name, path, required);
        if (!j) return std::nullopt;
        if (!j->is_array()) return Fail(path, "bad_type"), std::nullopt;
        if (j->size() > max_items) return Fail(path, "too_many"), std::nullopt;
        std::vector<std::string> out;
        for (const auto& e : *j) {
            if (!e.is_string() || e.get<std::string>().empty()) return Fail(path, "bad_type"), std::nullopt;
            out.push_back(e.get<std::string>());
        }
        return out;
    }
    // A [from, to) pair: both valid, to ≥ from, no longer than max_range_s.
    bool Range(const std::string& prefix, const QueryLimits& limits, int64_t* from, int64_t* to) {
        auto f = Time("from", prefix + "from");
        auto t = Time("to", prefix + "to");
        if (!f || !t) return false;
        if (*t < *f) return Fail(prefix + "to", "to_before_from"), false;
        if (*t - *f > limits.max_range_s) return Fail(prefix + "to", "range_too_long"), false;
        *from = *f;
        *to = *t;
        return true;
    }
    std::optional<std::string> Plate(const std::string& name) {
        const Json* j = Get(name, name, true);
        if (!j) return std::nullopt;
        if (!j->is_string()) return Fail(name, "bad_type"), std::nullopt;
        std::string plate = NormalisePlate(j->get<std::string>());
        Status st = CheckPlate(plate, name);
        if (!st.ok()) return Fail(name, "bad_plate"), std::nullopt;
        return plate;
    }
    std::optional<int32_t> ClockTime(const std::string& name) {
        const Json* j = Get(name, name, true);
        if (!j) return std::nullopt;
        const std::string v = j->is_string() ? j->get<std::string>() : "";
        if (v.size() != 5 || v[2] != ':' || !isdigit(v[0]) || !isdigit(v[1]) || !isdigit(v[3]) || !isdigit(v[4])) {
            return Fail(name, "bad_time"), std::nullopt;
        }
        const int h = (v[0] - '0') * 10 + (v[1] - '0'), m = (v[3] - '0') * 10 + (v[4] - '0');
        if (h > 23 || m > 59) return Fail(name, "bad_time"), std::nullopt;
        return h * 3600 + m * 60;
    }

  private:
    const Json& obj_;
    std::map<std::string, std::string> problems_;
};

Json Point(const PassPoint& p) {
    return Json{{"checkpoint_id", p.checkpoint_id}, {"pass_time", FormatChinaTime(p.time)}};
}

// trajectory's answer (validated request → rows), shared by the Json and the text replies.
Result<std::vector<PassPoint>> TrajectoryRows(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "plate", "from", "to"});
    auto plate = in.Plate("plate");
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    JW_RETURN_IF_ERROR(in.status());
    return Trajectory(s, *plate, from, to);
}

Result<Json> RunTrajectory(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto rows, TrajectoryRows(s, in, limits));
    Json passes = Json::array();
    for (const auto& p : rows) passes.push_back(Point(p));
    return Json{{"passes", std::move(passes)}};
}

// Keys in sorted order, as nlohmann's std::map objects dump them (json_text.hpp).
Result<std::string> TrajectoryText(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "plate", "from", "to"});
    auto plate = in.Plate("plate");
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    JW_RETURN_IF_ERROR(in.status());
    const auto rows = TrajectoryAt(s, *plate, from, to);
    const auto& cps = s.checkpoints().list;
    JsonText w(16 + rows.size() * 64);
    w.BeginObject();
    w.Key("passes");
    w.BeginArray();
    for (const auto& p : rows) {
        w.BeginObject();
        w.Key("checkpoint_id");
        w.String(cps[p.cp].id);
        w.Key("pass_time");
        w.ChinaTime(p.time);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(w).Take();
}

Result<Json> RunCompanion(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "plate", "from", "to", "window_s", "min_checkpoints"});
    auto plate = in.Plate("plate");
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    auto window = in.Int("window_s", "window_s", true, 0, limits.max_window_s);
    auto min_cps = in.Int("min_checkpoints", "min_checkpoints", true, 1, 65535);
    JW_RETURN_IF_ERROR(in.status());
    Json list = Json::array();
    for (const auto& c : Companions(s, *plate, from, to, *window, static_cast<uint32_t>(*min_cps))) {
        list.push_back({{"plate", c.plate},
                        {"checkpoints", c.checkpoints},
                        {"co_passes", c.co_passes},
                        {"score", std::round(c.score * 1e6) / 1e6}});
    }
    return Json{{"companions", std::move(list)}};
}

Result<Json> RunCollision(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "conditions", "min_match"});
    auto min_match = in.Int("min_match", "min_match", true, 1, static_cast<int64_t>(limits.max_conditions));
    std::vector<CollisionCondition> conds;
    const Json* cj = in.Get("conditions", "conditions", true);
    if (cj && (!cj->is_array() || cj->empty())) {
        in.Fail("conditions", "bad_type");
    } else if (cj && cj->size() > limits.max_conditions) {
        in.Fail("conditions", "too_many");
    } else if (cj) {
        for (size_t i = 0; i < cj->size(); ++i) {
            const std::string prefix = "conditions[" + std::to_string(i) + "].";
            const Json& c = (*cj)[i];
            if (!c.is_object()) {
                in.Fail("conditions[" + std::to_string(i) + "]", "bad_type");
                continue;
            }
            Fields f(c);
            f.Allow({"checkpoints", "from", "to"}, prefix);
            CollisionCondition cond;
            f.Range(prefix, limits, &cond.from, &cond.to);
            auto cps = f.Strings("checkpoints", prefix + "checkpoints", true, limits.max_checkpoints);
            if (cps && cps->empty()) f.Fail(prefix + "checkpoints", "required");
            if (cps) cond.checkpoints = std::move(*cps);
            in.Merge(f);
            conds.push_back(std::move(cond));
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    Json list = Json::array();
    for (const auto& r : Collision(s, conds, static_cast<uint32_t>(*min_match))) {
        list.push_back({{"plate", r.plate}, {"matched", r.matched}});
    }
    return Json{{"plates", std::move(list)}};
}

Result<std::vector<FirstSeenResult>> FirstSeenRows(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "from", "to", "lookback_days", "checkpoints"});
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    auto days = in.Int("lookback_days", "lookback_days", true, 0, limits.max_lookback_days);
    auto cps = in.Strings("checkpoints", "checkpoints", false, limits.max_checkpoints);
    JW_RETURN_IF_ERROR(in.status());
    return FirstSeen(s, from, to, *days, cps ? *cps : std::vector<std::string>{});
}

Result<std::string> FirstSeenText(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto found, FirstSeenRows(s, in, limits));
    JsonText w(32 + found.size() * 88);
    w.BeginObject();
    w.Key("count");
    w.Uint(found.size());
    w.Key("plates");
    w.BeginArray();
    for (const auto& r : found) {
        w.BeginObject();
        w.Key("checkpoint_id");
        w.String(r.checkpoint_id);
        w.Key("first_pass_time");
        w.ChinaTime(r.first_pass_time);
        w.Key("plate");
        w.String(r.plate);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(w).Take();
}

Result<Json> RunFirstSeen(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto found, FirstSeenRows(s, in, limits));
    Json list = Json::array();
    for (const auto& r : found) {
        list.push_back({{"plate", r.plate},
                        {"first_pass_time", FormatChinaTime(r.first_pass_time)},
                        {"checkpoint_id", r.checkpoint_id}});
    }
    return Json{{"plates", std::move(list)}, {"count", found.size()}};
}

Result<Json> RunCloned(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "from", "to", "max_speed_kmh"});
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    auto v = in.Number("max_speed_kmh", "max_speed_kmh", 1, 100000);
    JW_RETURN_IF_ERROR(in.status());
    Json list = Json::array();
    for (const auto& r : Cloned(s, from, to, *v)) {
        Json speed = std::isinf(r.speed_kmh) ? Json(nullptr) : Json(std::round(r.speed_kmh * 1000) / 1000);
        list.push_back({{"plate", r.plate},
                        {"a", Point(r.a)},
                        {"b", Point(r.b)},
                        {"distance_km", std::round(r.distance_km * 1000) / 1000},
                        {"speed_kmh", std::move(speed)}});
    }
    return Json{{"suspects", std::move(list)}};
}

Result<Json> RunNight(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "from", "to", "night_start", "night_end", "min_nights", "min_night_share"});
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    auto start = in.ClockTime("night_start");
    auto end = in.ClockTime("night_end");
    if (start && end && *start == *end) in.Fail("night_end", "equals_night_start");
    auto nights = in.Int("min_nights", "min_nights", true, 1, 10000);
    auto share = in.Number("min_night_share", "min_night_share", 0, 1);
    JW_RETURN_IF_ERROR(in.status());
    NightSpec spec{*start, *end, static_cast<uint32_t>(*nights), *share};
    Json list = Json::array();
    for (const auto& r : Night(s, from, to, spec)) {
        list.push_back(
            {{"plate", r.plate}, {"nights", r.nights}, {"night_passes", r.night_passes}, {"day_passes", r.day_passes}});
    }
    return Json{{"plates", std::move(list)}};
}

}  // namespace

Result<std::string> RunQueryText(const Snapshot& s, const Json& request, const QueryLimits& limits) {
    if (request.is_object()) {
        auto q = request.find("q");
        if (q != request.end() && q->is_string()) {
            const std::string& name = q->get_ref<const std::string&>();
            Fields in(request);
            if (name == "trajectory") return TrajectoryText(s, in, limits);
            if (name == "first_seen") return FirstSeenText(s, in, limits);
        }
    }
    JW_ASSIGN_OR_RETURN(Json reply, RunQuery(s, request, limits));
    return reply.dump();
}

Result<Json> RunQuery(const Snapshot& s, const Json& request, const QueryLimits& limits) {
    if (!request.is_object()) return Status::Invalid("body", "not_an_object");
    auto q = request.find("q");
    if (q == request.end() || !q->is_string()) return Status::Invalid("q", "required");
    const std::string name = q->get<std::string>();
    Fields in(request);
    if (name == "trajectory") return RunTrajectory(s, in, limits);
    if (name == "companion") return RunCompanion(s, in, limits);
    if (name == "collision") return RunCollision(s, in, limits);
    if (name == "first_seen") return RunFirstSeen(s, in, limits);
    if (name == "cloned") return RunCloned(s, in, limits);
    if (name == "night") return RunNight(s, in, limits);
    return Status::Invalid("q", "unknown_query");
}

std::vector<Result<Json>> RunBatch(const Snapshot& s, const std::vector<Json>& requests, const QueryLimits& limits,
                                   std::vector<int64_t>* elapsed_us) {
    std::vector<Result<Json>> out(requests.size(), Result<Json>(Status::Internal("not run")));
    if (elapsed_us) elapsed_us->assign(requests.size(), 0);
    ParallelFor(requests.size(), [&](size_t i) {
        const auto t0 = std::chrono::steady_clock::now();
        out[i] = RunQuery(s, requests[i], limits);
        if (elapsed_us) {
            (*elapsed_us)[i] =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
        }
    });
    return out;
}

}  // namespace jw::analytics
