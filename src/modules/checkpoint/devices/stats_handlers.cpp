#include "checkpoint/devices/stats_handlers.hpp"

#include "analytics/stats.hpp"
#include "checkpoint/analysis/clickhouse/analytics_router.hpp"
#include "common/civil_time.hpp"
#include "http/params.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;

constexpr int64_t kMaxDays = 92;

struct DayRange {
    int32_t from = 0, to = 0;
};

Result<DayRange> Range(const Request& req) {
    const int64_t today = DaysFromCivil(TodayInChina());
    DayRange r{static_cast<int32_t>(today - 6), static_cast<int32_t>(today)};
    JW_ASSIGN_OR_RETURN(const auto from, http::QueryDate(req, "from"));
    JW_ASSIGN_OR_RETURN(const auto to, http::QueryDate(req, "to"));
    if (to) r.to = static_cast<int32_t>(DaysFromCivil(*to));
    r.from = from ? static_cast<int32_t>(DaysFromCivil(*from)) : r.to - 6;
    if (r.to < r.from) return Status::Invalid("to", "out_of_range");
    if (r.to - r.from + 1 > kMaxDays) return Status::Invalid("from", "out_of_range");
    return r;
}

Result<int64_t> IntParam(const Request& req, const char* name, int64_t fallback, int64_t min, int64_t max) {
    return http::QueryInt(req, name, min, max, fallback);
}

std::string Day(int32_t day) { return FormatDate(CivilFromDays(day)); }

Json Rows(const std::vector<analytics::HourlyRow>& rows, bool hours) {
    Json out = Json::array();
    for (const auto& r : rows) {
        Json j = {{"id", r.checkpoint_id}, {"name", r.name}};
        if (hours) {
            j["hours"] = r.hours;
            j["total"] = r.total;
        } else {
            j["passes"] = r.total;
        }
        out.push_back(std::move(j));
    }
    return out;
}

Result<Reply> HourlyHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(DayRange r, Range(req));
    JW_ASSIGN_OR_RETURN(int64_t limit, IntParam(req, "limit", 60, 1, 1000));
    JW_ASSIGN_OR_RETURN(auto rows,
                        clickhouse::TopCheckpointsFor(d.hub.Snapshot(), r.from, r.to, static_cast<size_t>(limit)));
    return Reply::Json200({{"from", Day(r.from)}, {"to", Day(r.to)}, {"rows", Rows(rows, true)}});
}

Result<Reply> TopHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(DayRange r, Range(req));
    JW_ASSIGN_OR_RETURN(int64_t limit, IntParam(req, "limit", 10, 1, 100));
    JW_ASSIGN_OR_RETURN(auto rows,
                        clickhouse::TopCheckpointsFor(d.hub.Snapshot(), r.from, r.to, static_cast<size_t>(limit)));
    return Reply::Json200({{"from", Day(r.from)}, {"to", Day(r.to)}, {"rows", Rows(rows, false)}});
}

Result<Reply> NewPlatesHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(DayRange r, Range(req));
    JW_ASSIGN_OR_RETURN(int64_t lookback, IntParam(req, "lookback_days", 7, 1, 90));
    JW_ASSIGN_OR_RETURN(auto days,
                        clickhouse::NewPlatesFor(d.hub.Snapshot(), r.from, r.to, static_cast<int>(lookback)));
    Json out = Json::array();
    for (const auto& x : days) out.push_back({{"day", Day(x.day)}, {"plates", x.plates}, {"new_plates", x.new_plates}});
    return Reply::Json200({{"from", Day(r.from)}, {"to", Day(r.to)}, {"lookback_days", lookback}, {"days", out}});
}

}  // namespace

void RegisterStatsRoutes(http::Router& router, const Deps& d) {
    auto bind = [d](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [d, fn](Request& req) { return fn(d, req); };
    };
    const std::string base = "/api/v1/checkpoint/stats";
    router.Add({"GET", base + "/hourly", "checkpoint.stats", "checkpoint.stats_hourly", bind(HourlyHandler)});
    router.Add({"GET", base + "/top", "checkpoint.stats", "checkpoint.stats_top", bind(TopHandler)});
    router.Add(
        {"GET", base + "/new-plates", "checkpoint.stats", "checkpoint.stats_new_plates", bind(NewPlatesHandler)});
}

}  // namespace jw::checkpoint
