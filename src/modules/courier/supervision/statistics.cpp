#include "courier/supervision/statistics.hpp"

#include <algorithm>
#include <map>

#include "common/civil_time.hpp"
#include "courier/registry/registry_repository.hpp"
#include "courier/supervision/area_scope.hpp"
#include "storage/in_list.hpp"

namespace jw::courier {
namespace {
using storage::V;

// The outlets of the area that pass the filter, with their companies' names (id → name).
struct Chosen {
    std::vector<Outlet> outlets;
    std::map<int64_t, std::string> company_names;
};
Result<Chosen> ChooseOutlets(storage::Connection& c, const std::optional<std::vector<int64_t>>& area,
                             const OutletFilter& f) {
    Chosen out;
    JW_ASSIGN_OR_RETURN(auto all, ListOutlets(c, std::nullopt));
    for (auto& o : all)
        if (InScope(area, o.id) && (!f.company_id || o.company_id == *f.company_id) &&
            (!f.outlet_id || o.id == *f.outlet_id) && (f.township.empty() || o.township == f.township))
            out.outlets.push_back(std::move(o));
    JW_ASSIGN_OR_RETURN(auto companies, ListCompanies(c));
    for (const auto& co : companies) out.company_names[co.id] = co.name;
    return out;
}

std::optional<std::vector<int64_t>> Ids(const std::vector<Outlet>& outlets) {
    std::vector<int64_t> ids{-1};  // never empty: an empty choice matches nothing
    for (const auto& o : outlets) ids.push_back(o.id);
    return ids;
}

Result<int64_t> PeriodDays(const std::string& from, const std::string& to) {
    const auto f = ParseDate(from), t = ParseDate(to);
    if (!f) return Status::Invalid("from", "invalid_date");
    if (!t) return Status::Invalid("to", "invalid_date");
    const int64_t days = DaysFromCivil(*t) - DaysFromCivil(*f) + 1;
    if (days < 1) return Status::Invalid("from", "after_to");
    if (days > kMaxPeriodDays) return Status::Invalid("to", "too_long");
    return days;
}

}  // namespace

Result<RateGrid> LoadRateGrid(storage::Connection& c, const std::string& from_day, const std::string& to_day,
                              const std::optional<std::vector<int64_t>>& area, const OutletFilter& f) {
    JW_ASSIGN_OR_RETURN(int64_t days, PeriodDays(from_day, to_day));
    JW_ASSIGN_OR_RETURN(Chosen chosen, ChooseOutlets(c, area, f));
    JW_ASSIGN_OR_RETURN(auto found, OutletDays(c, from_day, to_day, Ids(chosen.outlets)));
    std::map<std::pair<std::string, int64_t>, OutletDay> by_key;
    for (auto& d : found) by_key[{d.day, d.outlet_id}] = std::move(d);
    RateGrid grid;
    const int64_t first = DaysFromCivil(*ParseDate(from_day));
    for (int64_t i = 0; i < days; ++i) {
        const std::string day = FormatDate(CivilFromDays(first + i));
        DailyRate daily{day};
        for (const auto& o : chosen.outlets) {
            RateRow row;
            row.company_id = o.company_id;
            if (auto it = by_key.find({day, o.id}); it != by_key.end()) {
                row.day = it->second;
            } else {
                row.missing = true;
                row.day.outlet_id = o.id, row.day.outlet_name = o.name, row.day.township = o.township;
                row.day.company_name = chosen.company_names[o.company_id], row.day.day = day;
                ++daily.missing_outlets;
            }
            daily.total += row.day.total, daily.verified += row.day.verified, daily.late += row.day.late;
            grid.rows.push_back(std::move(row));
        }
        grid.daily.push_back(std::move(daily));
    }
    std::stable_sort(grid.rows.begin(), grid.rows.end(),
                     [](const RateRow& a, const RateRow& b) { return a.day.day > b.day.day; });
    return grid;
}

Result<std::vector<StatRow>> LoadStatistics(storage::Connection& c, const std::string& by, const std::string& from_day,
                                            const std::string& to_day, const std::optional<std::vector<int64_t>>& area,
                                            const OutletFilter& f) {
    if (by != "company" && by != "outlet" && by != "township") return Status::Invalid("by", "invalid_enum");
    JW_RETURN_IF_ERROR(PeriodDays(from_day, to_day).status());
    JW_ASSIGN_OR_RETURN(Chosen chosen, ChooseOutlets(c, area, f));
    std::vector<int64_t> ids{-1};
    for (const auto& o : chosen.outlets) ids.push_back(o.id);
    storage::Params p{V(kLateSeconds), V(from_day), V(to_day)};
    const std::string in = storage::InFilter(c.dialect(), "outlet_id", ids, p);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT outlet_id, COUNT(*), SUM(id_verified), "
                                           "SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END), "
                                           "SUM(CASE WHEN status = 'refused' THEN 1 ELSE 0 END), "
                                           "SUM(CASE WHEN uploaded_at > accepted_at + ? THEN 1 ELSE 0 END) "
                                           "FROM courier_records WHERE day >= ? AND day <= ? AND " +
                                               in + " GROUP BY outlet_id",
                                           p));
    storage::Params pp{V(from_day), V(to_day)};
    const std::string in_photos = storage::InFilter(c.dialect(), "r.outlet_id", ids, pp);
    JW_ASSIGN_OR_RETURN(auto photos, c.Query("SELECT r.outlet_id, COUNT(*) FROM courier_record_photos ph "
                                             "JOIN courier_records r ON r.id = ph.record_id "
                                             "WHERE r.day >= ? AND r.day <= ? AND " +
                                                 in_photos + " GROUP BY r.outlet_id",
                                             pp));
    std::map<int64_t, StatRow> per_outlet;
    for (const auto& r : rows) {
        StatRow& s = per_outlet[r.Int(0)];
        s.records = r.Int(1), s.verified = r.Int(2), s.held = r.Int(3), s.refused = r.Int(4), s.late = r.Int(5);
    }
    for (const auto& r : photos) per_outlet[r.Int(0)].photos = r.Int(1);
    std::map<std::string, StatRow> grouped;
    std::vector<std::string> order;  // first seen: outlets by id
    for (const auto& o : chosen.outlets) {
        const StatRow& s = per_outlet[o.id];
        std::string key = by == "company"  ? std::to_string(o.company_id)
                          : by == "outlet" ? std::to_string(o.id)
                                           : o.township;
        auto [it, added] = grouped.try_emplace(key);
        StatRow& g = it->second;
        if (added) {
            order.push_back(key);
            g.key = key;
            g.name = by == "company" ? chosen.company_names[o.company_id] : by == "outlet" ? o.name : o.township;
        }
        ++g.outlets;
        g.records += s.records, g.verified += s.verified, g.held += s.held, g.refused += s.refused;
        g.late += s.late, g.photos += s.photos;
    }
    std::vector<StatRow> out;
    for (const auto& k : order) out.push_back(grouped[k]);
    return out;
}

}  // namespace jw::courier
