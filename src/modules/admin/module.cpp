// The admin module as the app sees it (modules/module.hpp): sessions, identity (units, users, roles, policy) and
// the audit pages, over the platform's auth and audit layers.
#include "modules/module.hpp"

#include "admin/admin_module.hpp"
#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "notify/scheduler.hpp"
#include "storage/committer.hpp"

namespace jw::admin {
namespace {

class AdminModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "admin"; }
    const modules::EmbeddedFiles& Files() const override {
        static const modules::EmbeddedFiles none;  // its tables are the auth and audit layers'
        return none;
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        RegisterRoutes(parts.router,
                       Deps{s.db, s.sessions, s.registry, s.outbox, s.settings.version, s.settings.county_name,
                            s.settings.region_code, &s.audit, s.settings.secure_cookies});
        const std::vector<std::string>& hashing = HashingActions();
        parts.offloaded_actions.insert(parts.offloaded_actions.end(), hashing.begin(), hashing.end());
        // Sessions idle for a day are removed; the idle timeout itself is enforced on each request.
        storage::Committer* committer = &s.committer;
        return parts.scheduler.Register("session.cleanup", 3600, [committer] {
            return committer->Run(
                [](storage::Connection& c) { return auth::repo::DeleteIdleSessions(c, NowUnix() - 86400); });
        });
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<AdminModule>(); }

}  // namespace jw::admin
