// The discretion module as the app sees it (modules/module.hpp).
#include "modules/module.hpp"

#include "discretion/discretion_module.hpp"
#include "storage/database.hpp"

namespace jw::discretion {
namespace {

class DiscretionModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "discretion"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    // The shipped sample edition is published unless present.
    Status Prepare(storage::Connection& c, const modules::PrepareContext&) override {
        return storage::InTransaction(c, [](storage::Connection& tx) { return SeedEditions(tx); });
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        RegisterRoutes(parts.router, Deps{s.db});
        return Status::Ok();
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<DiscretionModule>(); }

}  // namespace jw::discretion
