#include "cases/cases_module.hpp"

#include "cases/case_handlers.hpp"
#include "cases/deadline_handlers.hpp"
#include "cases/supervision_module.hpp"

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

void RegisterRoutes(http::Router& router, Deps deps) {
    RegisterCaseRoutes(router, deps);
    RegisterDeadlineRoutes(router);
    RegisterSupervisionRoutes(router, deps);
}
Status RegisterJobs(notify::Scheduler& scheduler, Deps deps) { return RegisterSupervisionJobs(scheduler, deps); }
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

}  // namespace jw::cases
