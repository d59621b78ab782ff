#pragma once
// The cases module's lines of the to-do centre (notify/todo.hpp, issue 13):
//  - cases.review   (case.review): cases in legal review without an approval of their latest submission — the
//                   county's one review office (all units);
//  - cases.decide   (leaders with case.act): approved by legal review, waiting for the leader's decision;
//  - cases.problems (case.act): review problems raised to the reader (the lead officer) and not yet answered;
//  - cases.urged    (case.urge.receive): 督办 of open cases of the reader's units not yet answered.
// And the entry points the cases module calls from its Start.

#include <memory>
#include <vector>

#include "cases/cases_module.hpp"
#include "notify/todo.hpp"

namespace jw::cases::urging {

std::vector<std::unique_ptr<notify::todo::Source>> MakeTodoSources();
void RegisterUrgingRoutes(http::Router& router, Deps d);
// Routes and to-do sources, once from the cases module's Start.
void StartUrging(http::Router& router, Deps d);
// The demo county's unit heads (a role holding case.urge.receive, two station heads), from the module's SeedDemo.
Status SeedDemoUnitHeads(storage::Connection& c, int64_t now);

}  // namespace jw::cases::urging
