#include "analytics/query_json.hpp"

#include <algorithm>
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

// A number as nlohmann's dump() writes it (shortest round-trip form, "null" for non-finite values).
std::string DoubleText(double v) { return Json(v).dump(); }

// The text replies (keys in sorted order, as nlohmann's std::map objects dump them: json_text.hpp) and, when
// asked, the checkpoint ids they name (TextReply).
class TextOut {
  public:
    TextOut(const Snapshot& s, bool collect, size_t reserve) : w(reserve), s_(s), collect_(collect) {}
    // The checkpoint at index `cp` of the snapshot's table.
    void Cp(uint16_t cp) {
        if (!collect_) return;
        if (seen_.empty()) seen_.resize(s_.checkpoints().list.size());
        seen_[cp] = 1;
    }
    // A checkpoint by id (a view that stays valid until Finish).
    void Cp(std::string_view id) {
        if (collect_ && (named_.empty() || named_.back() != id)) named_.push_back(id);
    }
    TextReply Finish(size_t rows) && {
        TextReply r;
        r.rows = rows;
        for (size_t i = 0; i < seen_.size(); ++i)
            if (seen_[i]) r.checkpoint_ids.push_back(s_.checkpoints().list[i].id);
        for (auto id : named_) r.checkpoint_ids.emplace_back(id);
        std::sort(r.checkpoint_ids.begin(), r.checkpoint_ids.end());
        r.checkpoint_ids.erase(std::unique(r.checkpoint_ids.begin(), r.checkpoint_ids.end()), r.checkpoint_ids.end());
        r.json = std::move(w).Take();
        return r;
    }

    JsonText w;

  private:
    const Snapshot& s_;
    bool collect_;
    std::vector<uint8_t> seen_;
    std::vector<std::string_view> named_;
};

// trajectory's validated request.
struct TrajectoryArgs {
    std::string plate;
    int64_t from = 0, to = 0;
};
Result<TrajectoryArgs> TrajectoryRequest(Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "plate", "from", "to"});
    auto plate = in.Plate("plate");
    TrajectoryArgs a;
    in.Range("", limits, &a.from, &a.to);
    JW_RETURN_IF_ERROR(in.status());
    a.plate = std::move(*plate);
    return a;
}

Result<Json> RunTrajectory(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto a, TrajectoryRequest(in, limits));
    Json passes = Json::array();
    for (const auto& p : Trajectory(s, a.plate, a.from, a.to)) passes.push_back(Point(p));
    return Json{{"passes", std::move(passes)}};
}

Result<TextReply> TrajectoryText(const Snapshot& s, Fields& in, const QueryLimits& limits, bool collect) {
    JW_ASSIGN_OR_RETURN(auto a, TrajectoryRequest(in, limits));
    const auto rows = TrajectoryAt(s, a.plate, a.from, a.to);
    const auto& cps = s.checkpoints().list;
    TextOut out(s, collect, 16 + rows.size() * 64);
    auto& w = out.w;
    w.BeginObject();
    w.Key("passes");
    w.BeginArray();
    for (const auto& p : rows) {
        w.BeginObject();
        w.Key("checkpoint_id");
        w.String(cps[p.cp].id);
        out.Cp(p.cp);
        w.Key("pass_time");
        w.ChinaTime(p.time);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(out).Finish(rows.size());
}

Result<std::vector<CompanionResult>> CompanionRows(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "plate", "from", "to", "window_s", "min_checkpoints"});
    auto plate = in.Plate("plate");
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    auto window = in.Int("window_s", "window_s", true, 0, limits.max_window_s);
    auto min_cps = in.Int("min_checkpoints", "min_checkpoints", true, 1, 65535);
    JW_RETURN_IF_ERROR(in.status());
    return Companions(s, *plate, from, to, *window, static_cast<uint32_t>(*min_cps));
}

double Score(const CompanionResult& c) { return std::round(c.score * 1e6) / 1e6; }

Result<Json> RunCompanion(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto rows, CompanionRows(s, in, limits));
    Json list = Json::array();
    for (const auto& c : rows) {
        list.push_back(
            {{"plate", c.plate}, {"checkpoints", c.checkpoints}, {"co_passes", c.co_passes}, {"score", Score(c)}});
    }
    return Json{{"companions", std::move(list)}};
}

Result<TextReply> CompanionText(const Snapshot& s, Fields& in, const QueryLimits& limits, bool collect) {
    JW_ASSIGN_OR_RETURN(auto rows, CompanionRows(s, in, limits));
    TextOut out(s, collect, 32 + rows.size() * 80);
    auto& w = out.w;
    w.BeginObject();
    w.Key("companions");
    w.BeginArray();
    for (const auto& c : rows) {
        w.BeginObject();
        w.Key("checkpoints");
        w.Uint(c.checkpoints);
        w.Key("co_passes");
        w.Uint(c.co_passes);
        w.Key("plate");
        w.String(c.plate);
        w.Key("score");
        w.Raw(DoubleText(Score(c)));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(out).Finish(rows.size());
}

Result<std::vector<CollisionResult>> CollisionRows(const Snapshot& s, Fields& in, const QueryLimits& limits) {
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
    return Collision(s, conds, static_cast<uint32_t>(*min_match));
}

Result<Json> RunCollision(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto rows, CollisionRows(s, in, limits));
    Json list = Json::array();
    for (const auto& r : rows) list.push_back({{"plate", r.plate}, {"matched", r.matched}});
    return Json{{"plates", std::move(list)}};
}

Result<TextReply> CollisionText(const Snapshot& s, Fields& in, const QueryLimits& limits, bool collect) {
    JW_ASSIGN_OR_RETURN(auto rows, CollisionRows(s, in, limits));
    TextOut out(s, collect, 16 + rows.size() * 40);
    auto& w = out.w;
    w.BeginObject();
    w.Key("plates");
    w.BeginArray();
    for (const auto& r : rows) {
        w.BeginObject();
        w.Key("matched");
        w.Uint(r.matched);
        w.Key("plate");
        w.String(r.plate);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(out).Finish(rows.size());
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

Result<TextReply> FirstSeenText(const Snapshot& s, Fields& in, const QueryLimits& limits, bool collect) {
    JW_ASSIGN_OR_RETURN(auto found, FirstSeenRows(s, in, limits));
    TextOut out(s, collect, 32 + found.size() * 88);
    auto& w = out.w;
    w.BeginObject();
    w.Key("count");
    w.Uint(found.size());
    w.Key("plates");
    w.BeginArray();
    for (const auto& r : found) {
        w.BeginObject();
        w.Key("checkpoint_id");
        w.String(r.checkpoint_id);
        out.Cp(r.checkpoint_id);
        w.Key("first_pass_time");
        w.ChinaTime(r.first_pass_time);
        w.Key("plate");
        w.String(r.plate);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(out).Finish(found.size());
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

Result<std::vector<ClonedResult>> ClonedRows(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    in.Allow({"q", "from", "to", "max_speed_kmh"});
    int64_t from = 0, to = 0;
    in.Range("", limits, &from, &to);
    auto v = in.Number("max_speed_kmh", "max_speed_kmh", 1, 100000);
    JW_RETURN_IF_ERROR(in.status());
    return Cloned(s, from, to, *v);
}

double Km(const ClonedResult& r) { return std::round(r.distance_km * 1000) / 1000; }
// null when a and b share a second (infinite speed).
Json Speed(const ClonedResult& r) {
    return std::isinf(r.speed_kmh) ? Json(nullptr) : Json(std::round(r.speed_kmh * 1000) / 1000);
}

Result<Json> RunCloned(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto rows, ClonedRows(s, in, limits));
    Json list = Json::array();
    for (const auto& r : rows) {
        list.push_back({{"plate", r.plate},
                        {"a", Point(r.a)},
                        {"b", Point(r.b)},
                        {"distance_km", Km(r)},
                        {"speed_kmh", Speed(r)}});
    }
    return Json{{"suspects", std::move(list)}};
}

Result<TextReply> ClonedText(const Snapshot& s, Fields& in, const QueryLimits& limits, bool collect) {
    JW_ASSIGN_OR_RETURN(auto rows, ClonedRows(s, in, limits));
    TextOut out(s, collect, 16 + rows.size() * 200);
    auto& w = out.w;
    auto point = [&](const PassPoint& p) {
        w.BeginObject();
        w.Key("checkpoint_id");
        w.String(p.checkpoint_id);
        out.Cp(p.checkpoint_id);
        w.Key("pass_time");
        w.ChinaTime(p.time);
        w.EndObject();
    };
    w.BeginObject();
    w.Key("suspects");
    w.BeginArray();
    for (const auto& r : rows) {
        w.BeginObject();
        w.Key("a");
        point(r.a);
        w.Key("b");
        point(r.b);
        w.Key("distance_km");
        w.Raw(DoubleText(Km(r)));
        w.Key("plate");
        w.String(r.plate);
        w.Key("speed_kmh");
        w.Raw(Speed(r).dump());
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(out).Finish(rows.size());
}

Result<std::vector<NightResult>> NightRows(const Snapshot& s, Fields& in, const QueryLimits& limits) {
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
    return Night(s, from, to, spec);
}

Result<Json> RunNight(const Snapshot& s, Fields& in, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto rows, NightRows(s, in, limits));
    Json list = Json::array();
    for (const auto& r : rows) {
        list.push_back(
            {{"plate", r.plate}, {"nights", r.nights}, {"night_passes", r.night_passes}, {"day_passes", r.day_passes}});
    }
    return Json{{"plates", std::move(list)}};
}

Result<TextReply> NightText(const Snapshot& s, Fields& in, const QueryLimits& limits, bool collect) {
    JW_ASSIGN_OR_RETURN(auto rows, NightRows(s, in, limits));
    TextOut out(s, collect, 16 + rows.size() * 80);
    auto& w = out.w;
    w.BeginObject();
    w.Key("plates");
    w.BeginArray();
    for (const auto& r : rows) {
        w.BeginObject();
        w.Key("day_passes");
        w.Uint(r.day_passes);
        w.Key("night_passes");
        w.Uint(r.night_passes);
        w.Key("nights");
        w.Uint(r.nights);
        w.Key("plate");
        w.String(r.plate);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::move(out).Finish(rows.size());
}

Result<TextReply> RunText(const Snapshot& s, const Json& request, const QueryLimits& limits, bool collect) {
    if (!request.is_object()) return Status::Invalid("body", "not_an_object");
    auto q = request.find("q");
    if (q == request.end() || !q->is_string()) return Status::Invalid("q", "required");
    const std::string& name = q->get_ref<const std::string&>();
    Fields in(request);
    if (name == "trajectory") return TrajectoryText(s, in, limits, collect);
    if (name == "companion") return CompanionText(s, in, limits, collect);
    if (name == "collision") return CollisionText(s, in, limits, collect);
    if (name == "first_seen") return FirstSeenText(s, in, limits, collect);
    if (name == "cloned") return ClonedText(s, in, limits, collect);
    if (name == "night") return NightText(s, in, limits, collect);
    return Status::Invalid("q", "unknown_query");
}

void CollectReplyIds(const Json& j, std::vector<std::string>* ids) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (k == "checkpoint_id" && v.is_string())
                ids->push_back(v.get<std::string>());
            else
                CollectReplyIds(v, ids);
        }
    } else if (j.is_array()) {
        for (const auto& e : j) CollectReplyIds(e, ids);
    }
}

}  // namespace

Result<std::string> RunQueryText(const Snapshot& s, const Json& request, const QueryLimits& limits) {
    JW_ASSIGN_OR_RETURN(auto reply, RunText(s, request, limits, /*collect=*/false));
    return std::move(reply.json);
}

Result<TextReply> RunQueryReply(const Snapshot& s, const Json& request, const QueryLimits& limits) {
    return RunText(s, request, limits, /*collect=*/true);
}

TextReply TextReplyOf(const Json& reply) {
    TextReply r;
    r.json = reply.dump();
    if (reply.is_object()) {
        for (const auto& [k, v] : reply.items()) {
            if (v.is_array()) r.rows = v.size();  // every reply has exactly one list
        }
    }
    CollectReplyIds(reply, &r.checkpoint_ids);
    std::sort(r.checkpoint_ids.begin(), r.checkpoint_ids.end());
    r.checkpoint_ids.erase(std::unique(r.checkpoint_ids.begin(), r.checkpoint_ids.end()), r.checkpoint_ids.end());
    return r;
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
