#include "checkpoint/analysis/clickhouse/clickhouse_backend.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <thread>

#include "analytics/store.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "storage/tab_text.hpp"

namespace jw::checkpoint::clickhouse {
namespace {

// An empty snapshot: the engine's validator run against it checks a request without touching any data, so the
// backend refuses exactly what the engine refuses, with the same field errors.
const analytics::Snapshot& EmptySnapshot() {
    static const analytics::PlateDictionary dict;
    static const analytics::Snapshot snap = [] {
        auto v = std::make_shared<analytics::Version>();
        v->checkpoints = std::make_shared<analytics::CheckpointTable>();
        return analytics::Snapshot(v, &dict);
    }();
    return snap;
}

// Coordinates travel as text ("%.17g" round-trips a double exactly; "" when unknown): ClickHouse 18.16's float
// parser is not correctly rounded, and cloned must see the engine's coordinates to the last bit.
std::string CoordinateText(double v) {
    if (std::isnan(v)) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

double ParseCoordinate(std::string_view text) {
    return text.empty() ? NAN : std::strtod(std::string(text).c_str(), nullptr);
}

int64_t Time(const Json& request, const char* name) { return *ParseChinaTime(request.at(name).get<std::string>()); }

int32_t ClockTime(const Json& request, const char* name) {
    const std::string v = request.at(name).get<std::string>();
    return ((v[0] - '0') * 10 + (v[1] - '0')) * 3600 + ((v[3] - '0') * 10 + (v[4] - '0')) * 60;
}

}  // namespace

Result<std::unique_ptr<Backend>> Backend::Open(const Settings& settings) {
    if (settings.urls.empty()) return Status::Invalid("urls", "required");
    std::unique_ptr<Backend> b(new Backend(settings));
    for (const auto& url : settings.urls) {
        JW_ASSIGN_OR_RETURN(auto client, Client::Open(url, settings.user, settings.password));
        b->clients_.push_back(std::move(client));
    }
    JW_RETURN_IF_ERROR(b->CreateSchema());
    JW_RETURN_IF_ERROR(b->LoadCheckpoints());
    return b;
}

Status Backend::CreateSchema() {
    // Columns as the engine keeps them; `day` is the China day number (Unix days of UTC+8), the partition key.
    const std::string columns =
        "(plate String, plate_color UInt8, checkpoint_id String, time UInt32, day UInt32, direction UInt8, "
        "lane UInt8, speed UInt16, source String)";
    const std::string& db = settings_.database;
    for (auto& c : clients_) {
        JW_RETURN_IF_ERROR(c->Query("CREATE DATABASE IF NOT EXISTS " + db).status());
        JW_RETURN_IF_ERROR(c->Query("CREATE TABLE IF NOT EXISTS " + db + ".passes_local " + columns +
                                    " ENGINE = MergeTree PARTITION BY day ORDER BY (plate, time, checkpoint_id)")
                               .status());
        JW_RETURN_IF_ERROR(c->Query("CREATE MATERIALIZED VIEW IF NOT EXISTS " + db +
                                    ".passes_cp_local ENGINE = MergeTree PARTITION BY day ORDER BY (checkpoint_id, "
                                    "time) AS SELECT * FROM " +
                                    db + ".passes_local")
                               .status());
        for (const char* t : {"passes", "passes_cp"}) {
            JW_RETURN_IF_ERROR(c->Query("CREATE TABLE IF NOT EXISTS " + db + "." + t + " AS " + db + "." + t +
                                        "_local ENGINE = Distributed(" + settings_.cluster + ", " + db + ", " + t +
                                        "_local, cityHash64(plate))")
                                   .status());
        }
    }
    return coordinator()
        .Query("CREATE TABLE IF NOT EXISTS " + db +
               ".checkpoints (id String, name String, longitude String, latitude String, version UInt64) "
               "ENGINE = ReplacingMergeTree(version) ORDER BY id")
        .status();
}

Status Backend::LoadCheckpoints() {
    JW_ASSIGN_OR_RETURN(auto body, coordinator().Query("SELECT id, argMax(name, version), argMax(longitude, version), "
                                                       "argMax(latitude, version) FROM " +
                                                       Table("checkpoints") + " GROUP BY id ORDER BY id"));
    auto list = std::make_shared<std::vector<analytics::Checkpoint>>();
    for (const auto& row : SplitTsv(body)) {
        if (row.size() != 4) return Status::Internal("clickhouse: bad checkpoint row");
        list->push_back({UnescapeTsv(row[0]), UnescapeTsv(row[1]), ParseCoordinate(row[2]), ParseCoordinate(row[3])});
    }
    std::lock_guard lock(mu_);
    checkpoints_ = std::move(list);
    return Status::Ok();
}

std::shared_ptr<const std::vector<analytics::Checkpoint>> Backend::Checkpoints() const {
    std::lock_guard lock(mu_);
    return checkpoints_;
}

Status Backend::UpsertCheckpoints(const std::vector<analytics::Checkpoint>& checkpoints) {
    const auto version = static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    std::string rows;
    for (const auto& c : checkpoints) {
        storage::AppendTabEscaped(rows, c.id);
        rows += '\t';
        storage::AppendTabEscaped(rows, c.name);
        const bool known = c.HasCoordinates();
        rows += '\t' + (known ? CoordinateText(c.longitude) : "") + '\t' + (known ? CoordinateText(c.latitude) : "") +
                '\t' + std::to_string(version) + '\n';
    }
    JW_RETURN_IF_ERROR(coordinator().Insert(Table("checkpoints"), rows));
    return LoadCheckpoints();
}

Status Backend::Append(const std::vector<analytics::PassRecord>& batch) {
    std::string rows;
    rows.reserve(batch.size() * 48);
    for (const auto& p : batch) {
        storage::AppendTabEscaped(rows, p.plate);
        rows += '\t' + std::to_string(p.plate_color) + '\t';
        storage::AppendTabEscaped(rows, p.checkpoint_id);
        rows += '\t' + std::to_string(p.time) + '\t' + std::to_string(analytics::ChinaDay(p.time)) + '\t' +
                std::to_string(p.direction) + '\t' + std::to_string(p.lane) + '\t' +
                std::to_string(std::min<uint16_t>(p.speed, 255)) + '\t';
        storage::AppendTabEscaped(rows, settings_.source);
        rows += '\n';
    }
    // Synchronous: the reply comes after every shard wrote its part (not the background queue of a
    // Distributed table, which would make a just-ingested pass invisible to the next query).
    return coordinator().Insert(Table("passes"), rows, "insert_distributed_sync=1");
}

Result<std::map<int32_t, uint64_t>> Backend::DayCounts(int32_t from_day, int32_t to_day) {
    JW_ASSIGN_OR_RETURN(auto body,
                        coordinator().Query("SELECT day, count() FROM " + Table("passes") + " WHERE day BETWEEN " +
                                            std::to_string(from_day) + " AND " + std::to_string(to_day) +
                                            " AND source = " + Quote(settings_.source) + " GROUP BY day"));
    std::map<int32_t, uint64_t> counts;
    for (const auto& row : SplitTsv(body)) {
        if (row.size() != 2) return Status::Internal("clickhouse: bad day count row");
        counts[std::stoi(std::string(row[0]))] = std::stoull(std::string(row[1]));
    }
    return counts;
}

Status Backend::DeleteDay(int32_t day) {
    // A mutation on each shard's table and on the materialised view's inner table (18.16 names it
    // `.inner.<view>`). Partitions are whole days of every source, so DROP PARTITION would take other servers'
    // passes with it.
    const std::string where = " DELETE WHERE day = " + std::to_string(day) + " AND source = " + Quote(settings_.source);
    for (auto& c : clients_) {
        for (const char* t : {"passes_local", ".inner.passes_cp_local"}) {
            JW_RETURN_IF_ERROR(c->Query("ALTER TABLE " + settings_.database + ".`" + t + "`" + where).status());
        }
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (auto& c : clients_) {
        for (;;) {
            JW_ASSIGN_OR_RETURN(auto pending, c->Query("SELECT count() FROM system.mutations WHERE database = " +
                                                       Quote(settings_.database) + " AND is_done = 0"));
            if (pending.rfind("0", 0) == 0) break;
            if (std::chrono::steady_clock::now() > deadline)
                return Status::Internal("clickhouse: deleting day " + std::to_string(day) + " not applied in 120 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    return Status::Ok();
}

Status Backend::Truncate() {
    for (auto& c : clients_) {
        // 18.16 has no TRUNCATE for materialised views: drop the view and its inner table, and recreate.
        JW_RETURN_IF_ERROR(c->Query("DROP TABLE IF EXISTS " + Table("passes_cp_local")).status());
        JW_RETURN_IF_ERROR(c->Query("TRUNCATE TABLE IF EXISTS " + Table("passes_local")).status());
    }
    JW_RETURN_IF_ERROR(coordinator().Query("TRUNCATE TABLE IF EXISTS " + Table("checkpoints")).status());
    JW_RETURN_IF_ERROR(CreateSchema());
    return LoadCheckpoints();
}

Result<Json> Backend::RunQuery(const Json& request, const analytics::QueryLimits& limits) {
    // Validation only: against the empty snapshot the engine scans nothing.
    JW_RETURN_IF_ERROR(analytics::RunQuery(EmptySnapshot(), request, limits).status());
    const std::string q = request.at("q").get<std::string>();
    if (q == "trajectory") {
        return Trajectory(NormalisePlate(request.at("plate").get<std::string>()), Time(request, "from"),
                          Time(request, "to"));
    }
    if (q == "companion") {
        return Companion(NormalisePlate(request.at("plate").get<std::string>()), Time(request, "from"),
                         Time(request, "to"), request.at("window_s").get<int64_t>(),
                         request.at("min_checkpoints").get<uint32_t>());
    }
    if (q == "collision") return Collision(request);
    if (q == "first_seen") {
        std::vector<std::string> cps;
        if (auto it = request.find("checkpoints"); it != request.end() && !it->is_null()) {
            cps = it->get<std::vector<std::string>>();
        }
        return FirstSeen(Time(request, "from"), Time(request, "to"), request.at("lookback_days").get<int64_t>(), cps);
    }
    if (q == "cloned")
        return Cloned(Time(request, "from"), Time(request, "to"), request.at("max_speed_kmh").get<double>());
    // night (the validator refused every other kind)
    analytics::NightSpec spec{ClockTime(request, "night_start"), ClockTime(request, "night_end"),
                              request.at("min_nights").get<uint32_t>(), request.at("min_night_share").get<double>()};
    return Night(Time(request, "from"), Time(request, "to"), spec);
}

}  // namespace jw::checkpoint::clickhouse
