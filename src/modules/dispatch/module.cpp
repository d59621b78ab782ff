// The 110 dispatch module entry (modules/module.hpp).
#include "modules/module.hpp"

#include <cstdlib>

#include "dispatch/callbacks/todo_sources.hpp"
#include "dispatch/dispatch_handlers.hpp"
#include "dispatch/dispatch_keys.hpp"
#include "dispatch/dispatch_module.hpp"
#include "dispatch/diversion/diversion_service.hpp"
#include "notify/todo.hpp"

namespace jw::dispatch {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

namespace {

class DispatchModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "dispatch"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status Prepare(storage::Connection& c, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        // The department catalogue follows its data file at every start, linked to the registry's organisations.
        return storage::InTransaction(c, [](storage::Connection& tx) { return SyncDepartments(tx); });
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        return dispatch::SeedDemo(tx, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        const char* url = std::getenv("JINGWU_12345_URL");
        Deps deps{s.db,
                  s.audit,
                  s.settings.region_code,
                  std::make_shared<community::AddressIndex>(),
                  url ? std::string(url) : std::string(),
                  &s.outbox};
        JW_RETURN_IF_ERROR(deps.places->Refresh(s.db));
        RegisterCallRoutes(parts.router, deps);
        RegisterOrderRoutes(parts.router, deps);
        for (auto& src : MakeTodoSources()) notify::todo::ServingRegistry().Add(std::move(src));
        return RegisterJobs(parts.scheduler, deps);
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<DispatchModule>(); }

}  // namespace jw::dispatch
