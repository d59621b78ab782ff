// The field module (issue 15): the phone app's checks, cache key and camera ID scan. Comes after community (the
// master index it looks people up in) and courier (whose ID-card OCR the scan reuses).
#include "modules/module.hpp"

#include "field/demo_accounts.hpp"
#include "field/field_handlers.hpp"
#include "field/id_scan.hpp"

namespace jw::field {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {
class FieldModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "field"; }
    const modules::EmbeddedFiles& Files() const override { return data::EmbeddedFiles(); }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        RegisterFieldRoutes(parts.router, FieldDeps{s.db, s.key, 72});
        // The camera ID scan reads with the courier counter's OCR: about a second of CPU, on the offloaded pool.
        RegisterIdScanRoute(parts.router);
        parts.offloaded_actions.push_back("field.id_scan");
        return Status::Ok();
    }
    // The demo's auxiliary and grid member (demo_accounts.hpp); after community's grids (module order).
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        return SeedDemoFieldAccounts(tx, ctx.now);
    }
};
}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<FieldModule>(); }

}  // namespace jw::field
