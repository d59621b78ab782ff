// The community module (一标三实, issue 14): the master index of people and places. Each part registers its own
// routes here; the parts are folders (see CMakeLists.txt).
#include "modules/module.hpp"

#include <memory>

#include "common/civil_time.hpp"
#include "community/addresses/address_handlers.hpp"
#include "community/addresses/address_index.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/community_keys.hpp"
#include "community/dossier/community_sections.hpp"
#include "community/dossier/dossier_handlers.hpp"
#include "community/dossier/place_link.hpp"
#include "community/grids/demo_grids.hpp"
#include "community/grids/grid_handlers.hpp"
#include "community/grids/grid_seal.hpp"
#include "community/houses/demo_places.hpp"
#include "community/houses/houses_handlers.hpp"
#include "community/orgs/orgs_handlers.hpp"
#include "community/people/demo_people.hpp"
#include "community/people/people_handlers.hpp"
#include "community/people/permit_reminders.hpp"
#include "community/transfer_handlers.hpp"
#include "community/unit_participant.hpp"
#include "community/work/work_module.hpp"
#include "community/work/work_sections.hpp"
#include "notify/scheduler.hpp"
#include "storage/committer.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

class CommunityModule final : public modules::Module, public units::ParticipantSource {
  public:
    std::string_view Name() const override { return "community"; }
    // People, houses, units, grids and live work move with a restructured unit (unit_participant.hpp).
    std::unique_ptr<units::Participant> MakeParticipant() const override { return MakeUnitParticipant(); }
    const modules::EmbeddedFiles& Files() const override { return data::EmbeddedFiles(); }
    // Personal fields of the master index are sealed with the community keys (community_keys.hpp, ADR 0017).
    Status Prepare(storage::Connection& /*c*/, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        PrepareWork(ctx.key);
        return Status::Ok();
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        JW_RETURN_IF_ERROR(SeedDemoAddresses(tx, ctx.now));
        JW_RETURN_IF_ERROR(SeedDemoGrids(tx, ctx.key, ctx.now));
        JW_RETURN_IF_ERROR(SeedDemoPeople(tx, ctx.now));
        JW_RETURN_IF_ERROR(SeedDemoHouses(tx, ctx.now));  // after people: owners and tenants come from them
        JW_RETURN_IF_ERROR(SeedDemoOrgs(tx, ctx.now));
        return SeedWork(tx, ctx);  // last: it names the rows above
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        // One serving address index per process: other modules link their places through it (place_link.hpp).
        AddressIndex* index = &ServingAddressIndex();
        JW_RETURN_IF_ERROR(index->Refresh(s.db));
        RegisterAddressRoutes(parts.router, *index);
        grid_seal_ = std::make_unique<GridSeal>(s.key);
        RegisterGridRoutes(parts.router, GridDeps{s.db, *grid_seal_, s.settings.region_code});
        JW_RETURN_IF_ERROR(StartWork(s, parts));
        RegisterPeopleRoutes(parts.router, s.db, *index, s.key);
        storage::Committer* committer = &s.committer;
        JW_RETURN_IF_ERROR(parts.scheduler.Register(kPermitReminderJob, kPermitReminderIntervalSeconds, [committer] {
            return committer->Run(
                [](storage::Connection& tx) -> Status { return SendPermitReminders(tx, NowUnix()).status(); });
        }));
        RegisterTransferRoutes(parts.router, s.db);  // before the houses' and units' ":id" routes
        RegisterHouseRoutes(parts.router, s.db, s.key);
        RegisterOrgRoutes(parts.router, s.db, s.key);
        // The person page; other modules add their sections to the same registry from their Start.
        dossier::AddCommunitySections(dossier::ServingRegistry());
        AddWorkSections(dossier::ServingRegistry());  // visits and mediations naming the person
        dossier::RegisterDossierRoutes(parts.router, s.db, dossier::ServingRegistry());
        // An import from the command line reaches the serving matcher within a minute.
        storage::Database* db = &s.db;
        return parts.scheduler.Register("community.address_index", 60, [db, index] { return index->Refresh(*db); });
    }

  private:
    std::unique_ptr<GridSeal> grid_seal_;
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<CommunityModule>(); }

}  // namespace jw::community
