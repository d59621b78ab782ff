#include "checkpoint/analysis/clickhouse/compare.hpp"

#include <chrono>
#include <fstream>

#include "analytics/csv_loader.hpp"
#include "analytics/query_json.hpp"
#include "analytics/stats.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint::clickhouse {
namespace {

using Clock = std::chrono::steady_clock;

int64_t Us(Clock::time_point t0) {
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
}

size_t MainRows(const Json& reply) {
    for (const char* k : {"passes", "companions", "plates", "suspects", "rows", "days"}) {
        if (reply.contains(k)) return reply[k].size();
    }
    return 0;
}

Json StatsJson(const std::vector<analytics::HourlyRow>& rows) {
    Json out = Json::array();
    for (const auto& r : rows)
        out.push_back({{"id", r.checkpoint_id}, {"name", r.name}, {"hours", r.hours}, {"total", r.total}});
    return out;
}

Json StatsJson(const std::vector<analytics::NewPlatesDay>& days) {
    Json out = Json::array();
    for (const auto& d : days) out.push_back({{"day", d.day}, {"plates", d.plates}, {"new_plates", d.new_plates}});
    return out;
}

void Record(std::vector<Outcome>& out, std::string kind, int64_t e_us, int64_t c_us, const Json& engine,
            const Result<Json>& ch) {
    Outcome o{std::move(kind), e_us, c_us, MainRows(engine), false, "", ""};
    o.equal = ch.ok() && *ch == engine;
    if (!o.equal) {
        o.engine_reply = engine.dump();
        o.clickhouse_reply = ch.ok() ? ch->dump() : "error: " + ch.status().message();
    }
    out.push_back(std::move(o));
}

}  // namespace

Result<LoadFigures> LoadBoth(const std::string& data_dir, analytics::Store& store, Backend& backend,
                             size_t batch_rows) {
    LoadFigures f;
    {
        std::ifstream in(data_dir + "/checkpoints.csv");
        if (!in) return Status::Internal("cannot read " + data_dir + "/checkpoints.csv");
        analytics::LoadReport report;
        JW_RETURN_IF_ERROR(analytics::LoadCheckpointsCsv(store, in, &report));
        JW_RETURN_IF_ERROR(backend.UpsertCheckpoints(store.GetSnapshot().checkpoints().list));
    }
    std::ifstream in(data_dir + "/passes.csv");
    if (!in) return Status::Internal("cannot read " + data_dir + "/passes.csv");
    std::string line;
    std::getline(in, line);  // header
    std::vector<analytics::PassRecord> batch;
    auto flush = [&]() -> Status {
        auto t0 = Clock::now();
        JW_RETURN_IF_ERROR(store.Append(batch));
        f.engine_s += Us(t0) / 1e6;
        t0 = Clock::now();
        JW_RETURN_IF_ERROR(backend.Append(batch));
        f.clickhouse_s += Us(t0) / 1e6;
        f.passes += batch.size();
        batch.clear();
        return Status::Ok();
    };
    while (std::getline(in, line)) {
        auto rec = analytics::ParsePassLine(line);
        if (!rec.ok()) return Status::Internal("passes.csv: " + rec.status().message());
        batch.push_back(std::move(*rec));
        if (batch.size() == batch_rows) JW_RETURN_IF_ERROR(flush());
    }
    if (!batch.empty()) JW_RETURN_IF_ERROR(flush());
    return f;
}

Result<std::vector<Json>> ReadRequests(const std::string& data_dir, const analytics::Snapshot& s) {
    std::ifstream in(data_dir + "/queries.jsonl");
    if (!in) return Status::Internal("cannot read " + data_dir + "/queries.jsonl");
    std::vector<Json> out;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty()) out.push_back(Json::parse(line));
    }
    if (s.partitions().empty()) return out;
    // The data's whole span, for the extra requests.
    const int64_t day0 = s.partitions().front()->day, day1 = s.partitions().back()->day;
    const std::string from = FormatChinaTime(ChinaMidnightOfDay(day0));
    const std::string to = FormatChinaTime(ChinaMidnightOfDay(std::min<int64_t>(day1 + 1, day0 + 31)));
    const auto& cps = s.checkpoints().list;
    std::vector<std::string> some;
    for (size_t i = 0; i < cps.size() && some.size() < 4; i += 3) some.push_back(cps[i].id);
    out.push_back({{"q", "night"},
                   {"from", from},
                   {"to", to},
                   {"night_start", "01:00"},
                   {"night_end", "04:30"},
                   {"min_nights", 1},
                   {"min_night_share", 0.5}});
    out.push_back({{"q", "night"},
                   {"from", from},
                   {"to", to},
                   {"night_start", "23:30"},
                   {"night_end", "03:00"},
                   {"min_nights", 1},
                   {"min_night_share", 0.2}});
    out.push_back({{"q", "cloned"}, {"from", from}, {"to", to}, {"max_speed_kmh", 60}});
    out.push_back({{"q", "first_seen"}, {"from", from}, {"to", to}, {"lookback_days", 1}, {"checkpoints", some}});
    if (!some.empty()) {
        const std::string mid = FormatChinaTime(ChinaMidnightOfDay(day0) + 12 * 3600);
        out.push_back({{"q", "collision"},
                       {"conditions", Json::array({{{"checkpoints", some}, {"from", from}, {"to", mid}},
                                                   {{"checkpoints", {some.front()}}, {"from", from}, {"to", to}}})},
                       {"min_match", 1}});
    }
    out.push_back({{"q", "trajectory"}, {"plate", "京A12345"}, {"from", from}, {"to", "bad"}});  // an invalid one
    return out;
}

std::vector<Outcome> CompareAll(const analytics::Snapshot& s, Backend& backend, const std::vector<Json>& requests) {
    std::vector<Outcome> out;
    for (const Json& request : requests) {
        auto t0 = Clock::now();
        auto engine = analytics::RunQuery(s, request);
        const int64_t e_us = Us(t0);
        t0 = Clock::now();
        auto ch = backend.RunQuery(request);
        const int64_t c_us = Us(t0);
        const std::string kind = request.value("q", "?");
        if (!engine.ok()) {  // an invalid request: the same error on both
            const bool same = !ch.ok() && ch.status().code() == engine.status().code() &&
                              ch.status().message() == engine.status().message();
            out.push_back({kind + ".invalid", e_us, c_us, 0, same, same ? "" : engine.status().message(),
                           same ? "" : (ch.ok() ? ch->dump() : ch.status().message())});
            continue;
        }
        Record(out, kind, e_us, c_us, *engine, ch);
    }
    if (s.partitions().empty()) return out;
    const int32_t d0 = s.partitions().front()->day, d1 = s.partitions().back()->day;
    auto t0 = Clock::now();
    const Json top = StatsJson(analytics::HourlyByCheckpoint(s, d0, d1));
    int64_t e_us = Us(t0);
    t0 = Clock::now();
    auto ch_top = backend.TopCheckpoints(d0, d1, SIZE_MAX);
    Record(out, "stats.hourly", e_us, Us(t0), Json{{"rows", top}},
           ch_top.ok() ? Result<Json>(Json{{"rows", StatsJson(*ch_top)}}) : Result<Json>(ch_top.status()));
    t0 = Clock::now();
    const Json days = StatsJson(analytics::NewPlatesPerDay(s, d0, d1, 7));
    e_us = Us(t0);
    t0 = Clock::now();
    auto ch_days = backend.NewPlatesPerDay(d0, d1, 7);
    Record(out, "stats.new_plates", e_us, Us(t0), Json{{"days", days}},
           ch_days.ok() ? Result<Json>(Json{{"days", StatsJson(*ch_days)}}) : Result<Json>(ch_days.status()));
    return out;
}

}  // namespace jw::checkpoint::clickhouse
