// The community module (一标三实, issue 14): the master index of people and places. Each part registers its own
// routes here; the parts are folders (see CMakeLists.txt).
#include "modules/module.hpp"

#include <memory>

#include "community/addresses/address_handlers.hpp"
#include "community/addresses/address_index.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/community_keys.hpp"
#include "community/grids/demo_grids.hpp"
#include "community/grids/grid_handlers.hpp"
#include "community/grids/grid_seal.hpp"
#include "notify/scheduler.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

class CommunityModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "community"; }
    const modules::EmbeddedFiles& Files() const override { return data::EmbeddedFiles(); }
    // Personal fields of the master index are sealed with the community keys (community_keys.hpp, ADR 0017).
    Status Prepare(storage::Connection& /*c*/, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        return Status::Ok();
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        JW_RETURN_IF_ERROR(SeedDemoAddresses(tx, ctx.now));
        return SeedDemoGrids(tx, ctx.key, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        JW_RETURN_IF_ERROR(index_.Refresh(s.db));
        RegisterAddressRoutes(parts.router, index_);
        grid_seal_ = std::make_unique<GridSeal>(s.key);
        RegisterGridRoutes(parts.router, GridDeps{s.db, *grid_seal_, s.settings.region_code});
        // An import from the command line reaches the serving matcher within a minute.
        storage::Database* db = &s.db;
        AddressIndex* index = &index_;
        return parts.scheduler.Register("community.address_index", 60, [db, index] { return index->Refresh(*db); });
    }

  private:
    AddressIndex index_;
    std::unique_ptr<GridSeal> grid_seal_;
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<CommunityModule>(); }

}  // namespace jw::community
