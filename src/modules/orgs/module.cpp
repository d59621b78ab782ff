// The organisations module as the app sees it (modules/module.hpp): the registry's routes, the route table, the
// hashing actions, and the demo county's procuratorate, court and departments.
#include "modules/module.hpp"

#include "orgs/orgs_module.hpp"

namespace jw::orgs {
namespace {

class OrgsModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "orgs"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        return orgs::SeedDemo(tx, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        RegisterRoutes(parts.router, Deps{s.db, s.sessions, s.registry});
        const auto& hashing = HashingActions();
        parts.offloaded_actions.insert(parts.offloaded_actions.end(), hashing.begin(), hashing.end());
        return Status::Ok();
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<OrgsModule>(); }

}  // namespace jw::orgs
