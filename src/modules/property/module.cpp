// The property module (涉案财物, ADR 0054): its files, keys, demo share, routes and jobs.
#include "modules/module.hpp"

#include "audit/audit_log.hpp"
#include "common/civil_time.hpp"
#include "media/media_store.hpp"
#include "notify/scheduler.hpp"
#include "property/demo/property_demo.hpp"
#include "property/disposal/property_reminders.hpp"
#include "property/items/property_handlers.hpp"
#include "property/items/property_service.hpp"
#include "property/keys.hpp"

namespace jw::property {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

// Every 10 minutes: disposal reminders (each stage once) and alerts for items out past their return, each run one
// audited system action.
Status RegisterJobs(notify::Scheduler& scheduler, storage::Database& db, audit::AuditLog& audit) {
    (void)db;
    return scheduler.Register("property.reminders", 600, [&audit] {
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = "property.reminders";
        e.object = "property";
        return audit.Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            const int64_t now = NowUnix();
            JW_ASSIGN_OR_RETURN(int reminders, SendDisposalReminders(c, now));
            JW_ASSIGN_OR_RETURN(int alerts, RaiseOverdueReturns(c, now));
            entry.detail = std::to_string(reminders) + " reminders, " + std::to_string(alerts) + " alerts";
            return Status::Ok();
        });
    });
}

// An item's and an event's photos (and signatures) are read like the item: property.read and the item's scope.
void RegisterMediaAccess() {
    media::RegisterAccessCheck("property_item",
                               [](storage::Connection& c, const auth::Principal& p, int64_t id) -> Result<bool> {
                                   if (!p.Can("property.read")) return false;
                                   auto item = LoadItem(c, p, id);
                                   if (item.ok()) return true;
                                   if (item.status().code() == ErrorCode::kNotFound) return false;
                                   return item.status();
                               });
    media::RegisterAccessCheck("property_event",
                               [](storage::Connection& c, const auth::Principal& p, int64_t id) -> Result<bool> {
                                   if (!p.Can("property.read")) return false;
                                   JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT item_id FROM property_events WHERE "
                                                                          "id = ?",
                                                                          {storage::V(id)}));
                                   if (rows.empty()) return false;
                                   auto item = LoadItem(c, p, rows[0].Int(0));
                                   if (item.ok()) return true;
                                   if (item.status().code() == ErrorCode::kNotFound) return false;
                                   return item.status();
                               });
}

class PropertyModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "property"; }
    const modules::EmbeddedFiles& Files() const override { return data::EmbeddedFiles(); }
    Status Prepare(storage::Connection&, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        return Status::Ok();
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        InstallKeys(ctx.key);
        return SeedDemoProperty(tx, ctx.key, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        RegisterPropertyRoutes(parts.router, Deps{s.db});
        RegisterMediaAccess();
        return RegisterJobs(parts.scheduler, s.db, s.audit);
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<PropertyModule>(); }

}  // namespace jw::property
