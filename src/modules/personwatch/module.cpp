// The person watch list module entry (modules/module.hpp).
#include "modules/module.hpp"

#include "media/media_store.hpp"
#include "personwatch/demo_personwatch.hpp"
#include "personwatch/personwatch_handlers.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "personwatch/personwatch_module.hpp"
#include "personwatch/personwatch_repository.hpp"

namespace jw::personwatch {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

namespace {

class PersonWatchModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "personwatch"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status Prepare(storage::Connection&, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        return Status::Ok();
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        return SeedDemoPersonWatch(tx, ctx.now).status();
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        const Deps deps{s.db, s.audit};
        RegisterRoutes(parts.router, deps);
        // An entry's photo is read like its full record: the record permission and the entry in the reader's scope.
        media::RegisterAccessCheck("personwatch.entry",
                                   [](storage::Connection& c, const auth::Principal& who, int64_t id) -> Result<bool> {
                                       if (!who.Can("personwatch.record")) return false;
                                       std::optional<std::vector<int64_t>> scope;
                                       if (!who.all_units) scope = who.unit_scope;
                                       auto e = GetEntry(c, id, scope);
                                       if (!e.ok() && e.status().code() == ErrorCode::kNotFound) return false;
                                       if (!e.ok()) return e.status();
                                       return true;
                                   });
        return RegisterJobs(parts.scheduler, deps);
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<PersonWatchModule>(); }

}  // namespace jw::personwatch
