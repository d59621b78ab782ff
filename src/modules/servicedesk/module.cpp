// The service supervision centre's module entry (modules/module.hpp).
#include "modules/module.hpp"

#include "media/media_store.hpp"
#include "servicedesk/demo/demo_servicedesk.hpp"
#include "servicedesk/public/public_photos.hpp"
#include "servicedesk/servicedesk_handlers.hpp"
#include "servicedesk/tickets/catalogue.hpp"
#include "servicedesk/tickets/ticket_keys.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"
#include "servicedesk/tickets/workflow.hpp"

namespace jw::servicedesk {
namespace {

class ServiceDeskModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "servicedesk"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status Prepare(storage::Connection&, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        (void)TimeLimitRules();  // a broken shipped rules file stops the start, not a later request
        return Status::Ok();
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        return SeedDemoServiceDesk(tx, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        const Deps deps{s.db, s.audit};
        RegisterRoutes(parts.router, deps);
        RegisterPublicRoutes(parts.router, deps);
        RegisterPublicPhotoRoutes(parts.router, s.key);
        // A ticket's photos are read like the ticket: in the reader's ticket scope.
        media::RegisterAccessCheck("servicedesk.ticket",
                                   [](storage::Connection& c, const auth::Principal& who, int64_t id) -> Result<bool> {
                                       if (!who.Can("servicedesk.read")) return false;
                                       auto t = repo::GetTicket(c, id, TicketScope(who));
                                       if (!t.ok() && t.status().code() == ErrorCode::kNotFound) return false;
                                       if (!t.ok()) return t.status();
                                       return true;
                                   });
        return RegisterJobs(parts.scheduler, deps);
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<ServiceDeskModule>(); }

}  // namespace jw::servicedesk
