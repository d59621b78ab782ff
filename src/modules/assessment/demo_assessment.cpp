#include "assessment/demo_assessment.hpp"

#include <map>

#include "assessment/assessment_repository.hpp"
#include "common/china_day.hpp"
#include "scoring/edition.hpp"

namespace jw::assessment {

Status SeedDemoAssessment(storage::Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto officers, repo::StationOfficers(tx));
    const std::string month = scoring::MonthOf(now);
    JW_ASSIGN_OR_RETURN(int64_t start, scoring::MonthStart(month));
    const int64_t span = std::max<int64_t>(now - start, 3600);  // the month so far
    // Work per officer: a rule and how many items, varied by the officer's place so the ranking has spread
    // (the first officer of a station collects past the cap of 60, so the cap shows).
    struct Work {
        const char* code;
        const char* event;
        int base;
    };
    const Work kWork[] = {{"person_collected", "community.person.create", 18},
                          {"visit", "community.visit.create", 12},
                          {"rental_checked", "community.house.check", 6},
                          {"mediation_closed", "community.mediation.close", 2},
                          {"task_overdue", "community.task.complete/late", 0}};
    std::map<int64_t, int> seen_in_unit;
    int n = 0;
    for (const auto& o : officers) {
        const int place = seen_in_unit[o.unit_id]++;
        if (place >= 4) continue;
        for (const auto& w : kWork) {
            int count = w.base + ((o.id * 7 + place * 5) % (w.base + 3));
            if (place == 0 && std::string(w.code) == "person_collected") count = 64;
            if (std::string(w.code) == "task_overdue") count = (o.id + place) % 3 == 0 ? 1 : 0;
            for (int i = 0; i < count; ++i, ++n) {
                repo::ItemRow item;
                item.officer_id = o.id;
                item.unit_id = o.unit_id;
                item.code = w.code;
                item.at = start + (span * (i + 1)) / (count + 1);
                item.month = month;
                item.event = "demo";
                item.object = "demo:" + std::to_string(n);
                JW_RETURN_IF_ERROR(repo::InsertItem(tx, item, now).status());
            }
        }
    }
    return Status::Ok();
}

}  // namespace jw::assessment
