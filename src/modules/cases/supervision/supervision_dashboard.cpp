#include "cases/supervision/supervision_dashboard.hpp"

#include <algorithm>
#include <set>

#include "cases/case_clocks.hpp"
#include "cases/case_repository.hpp"
#include "cases/supervision/supervision_repository.hpp"

namespace jw::cases::supervision {

DashboardCase Classify(const Case& k, const std::vector<deadlines::Clock>& clocks, bool returned) {
    DashboardCase d;
    d.kase = k;
    d.returned = returned;
    for (const auto& c : clocks) {
        if (!c.end.empty() || c.state == "met") continue;
        if (c.state == "overdue")
            d.overdue = true;
        else if (c.days_left >= 0 && c.days_left <= kDueSoonDays)
            d.due_soon = true;
    }
    if (const deadlines::Clock* next = NextDeadline(clocks)) {
        d.next_clock = next->name_zh;
        d.next_deadline = next->due;
        d.days_left = next->days_left;
    }
    return d;
}

namespace {
units::UnitPlace GroupOf(const Case& k, const units::StructureMap* structure) {
    return structure ? units::PlaceOf(*structure, k.unit_id, k.unit_name) : units::UnitPlace{k.unit_id, k.unit_name};
}

void Count(Counts& c, const DashboardCase& d) {
    ++c.open;
    c.due_soon += d.due_soon;
    c.overdue += d.overdue;
    c.returned += d.returned;
}
}  // namespace

Summary Summarise(const std::vector<DashboardCase>& cases, const units::StructureMap* structure) {
    Summary s;
    std::map<int64_t, UnitSummary> units;
    for (const auto& d : cases) {
        Count(s.totals, d);
        ++s.by_stage[d.kase.state];
        const units::UnitPlace group = GroupOf(d.kase, structure);
        UnitSummary& u = units[group.unit_id];
        u.unit_id = group.unit_id;
        u.unit_name = group.name;
        Count(u.counts, d);
        ++u.by_stage[d.kase.state];
    }
    for (auto& [id, u] : units) s.units.push_back(std::move(u));
    return s;
}

bool IsBucket(const std::string& b) { return b == "open" || b == "due_soon" || b == "overdue" || b == "returned"; }

std::vector<DashboardCase> Drill(const std::vector<DashboardCase>& cases, std::optional<int64_t> unit,
                                 const std::string& stage, const std::string& bucket,
                                 const units::StructureMap* structure) {
    std::vector<DashboardCase> out;
    for (const auto& d : cases) {
        if (unit && GroupOf(d.kase, structure).unit_id != *unit) continue;
        if (!stage.empty() && d.kase.state != stage) continue;
        if ((bucket == "due_soon" && !d.due_soon) || (bucket == "overdue" && !d.overdue) ||
            (bucket == "returned" && !d.returned))
            continue;
        out.push_back(d);
    }
    std::stable_sort(out.begin(), out.end(), [](const DashboardCase& a, const DashboardCase& b) {
        const bool a_clock = !a.next_deadline.empty(), b_clock = !b.next_deadline.empty();
        if (a_clock != b_clock) return a_clock;
        return a.days_left != b.days_left ? a.days_left < b.days_left : a.kase.id < b.kase.id;
    });
    return out;
}

Result<std::vector<DashboardCase>> LoadDashboardCases(storage::Connection& c,
                                                      const std::optional<std::vector<int64_t>>& unit_scope,
                                                      const std::string& today) {
    JW_ASSIGN_OR_RETURN(auto cases, ListOpenCases(c, unit_scope));
    JW_ASSIGN_OR_RETURN(const std::set<int64_t> returned, ReturnedCaseIds(c));
    std::vector<DashboardCase> out;
    constexpr size_t kChunk = 400;
    for (size_t from = 0; from < cases.size(); from += kChunk) {
        std::vector<int64_t> ids;
        for (size_t i = from; i < std::min(cases.size(), from + kChunk); ++i) ids.push_back(cases[i].id);
        JW_ASSIGN_OR_RETURN(auto events, repo::ListEventsOfCases(c, ids));
        for (size_t i = from; i < std::min(cases.size(), from + kChunk); ++i) {
            const Case& k = cases[i];
            std::vector<CaseEvent> mine;
            for (const auto& e : events) {
                if (e.case_id == k.id) mine.push_back(e);
            }
            auto clocks = ComputeCaseClocks(k, mine, today);
            out.push_back(
                Classify(k, clocks.ok() ? *clocks : std::vector<deadlines::Clock>{}, returned.count(k.id) > 0));
        }
    }
    return out;
}

}  // namespace jw::cases::supervision
