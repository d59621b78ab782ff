// The centre's figures (figures.hpp).
#include "servicedesk/figures/figures.hpp"

#include <algorithm>
#include <map>

#include "common/china_day.hpp"
#include "servicedesk/assignment/time_limits.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"

namespace jw::servicedesk {

Result<std::vector<UnitFigures>> MonthFigures(storage::Connection& c, const std::string& month, int64_t now,
                                              const std::optional<std::vector<int64_t>>& unit_scope) {
    auto first = ParseDate(month + "-01");
    if (!first) return Status::Invalid("month", "invalid_month");
    CivilDate next = *first;
    next.month += 1;
    if (next.month > 12) {
        next.month = 1;
        next.year += 1;
    }
    TicketFilter f;
    f.from = ChinaMidnightOf(*first);
    f.to = ChinaMidnightOf(next);
    f.unit_scope = unit_scope;
    f.page_size = 1000;
    std::map<int64_t, UnitFigures> by_unit;  // key: unit id, 0 = not yet assigned
    for (f.page = 1;; ++f.page) {
        JW_ASSIGN_OR_RETURN(auto page, repo::ListTickets(c, f));
        for (const auto& t : page.first) {
            UnitFigures& u = by_unit[t.unit_id.value_or(0)];
            u.unit_id = t.unit_id;
            u.unit_name = t.unit_name;
            if (t.state == "joined") {
                ++u.joined;
                continue;
            }
            ++u.received;
            if (t.state == "closed")
                ++u.closed;
            else
                ++u.open;
            JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, t.id));
            for (const auto& e : events) u.rectifications += e.action == "require_rectification";
            auto clocks = TicketClocks(t, events, ChinaDateOf(std::max(now, t.updated_at)));
            if (clocks.ok()) {
                bool late = false;
                for (const auto& cl : *clocks) late = late || cl.state == "overdue";
                u.overdue += late;
            }
            JW_ASSIGN_OR_RETURN(auto cb, repo::GetCallback(c, t.id));
            if (cb) {
                u.satisfied += cb->result == "satisfied";
                u.basically += cb->result == "basically";
                u.unsatisfied += cb->result == "unsatisfied";
            }
        }
        if (int64_t(f.page) * f.page_size >= page.second) break;
    }
    std::vector<UnitFigures> out;
    for (auto& [id, u] : by_unit) out.push_back(std::move(u));
    return out;
}

Json FiguresJson(const std::string& month, const std::vector<UnitFigures>& rows) {
    Json items = Json::array();
    UnitFigures total;
    for (const auto& u : rows) {
        const int callbacks = u.satisfied + u.basically + u.unsatisfied;
        items.push_back(
            {{"unit_id", u.unit_id ? Json(*u.unit_id) : Json(nullptr)},
             {"unit_name", u.unit_name},
             {"received", u.received},
             {"joined", u.joined},
             {"closed", u.closed},
             {"open", u.open},
             {"overdue", u.overdue},
             {"rectifications", u.rectifications},
             {"satisfied", u.satisfied},
             {"basically", u.basically},
             {"unsatisfied", u.unsatisfied},
             {"satisfaction_rate", callbacks ? Json(double(u.satisfied + u.basically) / callbacks) : Json(nullptr)}});
        total.received += u.received;
        total.joined += u.joined;
        total.closed += u.closed;
        total.open += u.open;
        total.overdue += u.overdue;
        total.rectifications += u.rectifications;
        total.satisfied += u.satisfied;
        total.basically += u.basically;
        total.unsatisfied += u.unsatisfied;
    }
    const int callbacks = total.satisfied + total.basically + total.unsatisfied;
    return {{"month", month},
            {"items", items},
            {"total",
             {{"received", total.received},
              {"joined", total.joined},
              {"closed", total.closed},
              {"open", total.open},
              {"overdue", total.overdue},
              {"rectifications", total.rectifications},
              {"satisfied", total.satisfied},
              {"basically", total.basically},
              {"unsatisfied", total.unsatisfied},
              {"satisfaction_rate",
               callbacks ? Json(double(total.satisfied + total.basically) / callbacks) : Json(nullptr)}}}};
}

}  // namespace jw::servicedesk
