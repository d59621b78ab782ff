#include "cases/cases_module.hpp"

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

void RegisterRoutes(http::Router&, Deps) {}
Status RegisterJobs(notify::Scheduler&, Deps) { return Status::Ok(); }
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

}  // namespace jw::cases
