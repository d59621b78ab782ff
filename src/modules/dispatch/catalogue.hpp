#pragma once
// The data files of 110 dispatch: the call categories with their time targets (data/categories.csv: the 110
// classification — criminal, public order, traffic, fire, assistance, disputes, non-police — with sub-categories;
// dispatch and arrival targets in minutes and the callback's due time in hours, the county's configuration, each row
// citing where it comes from) and the department catalogue (data/departments.csv: the departments non-police calls are
// diverted to, their organisation on the orgs registry by credit code, contact, time limit in hours, channel account |
// webhook). Read once, immutable afterwards (thread-safe).

#include <string>
#include <string_view>
#include <vector>

#include "dispatch/dispatch.hpp"

namespace jw::dispatch {

struct Category {
    std::string code, parent, name_zh, name_en;
    bool police = true;
    int priority = 3;
    int dispatch_minutes = 5;
    int arrival_minutes = 20;  // 0: nobody goes (a non-police call)
    int callback_hours = 72;   // the callback (回访) is due this long after the call finished or its order closed
    std::string basis;
};

const std::vector<Category>& Categories();
const Category* FindCategory(std::string_view code);
const std::vector<Department>& Departments();
const Department* FindDepartment(std::string_view code);

}  // namespace jw::dispatch
