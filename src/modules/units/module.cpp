// The units module as the app sees it (modules/module.hpp): its migrations and permissions, its routes, and the
// participants of the other modules, handed over once all have started.
#include "modules/module.hpp"

#include "units/structure_watch.hpp"
#include "units/units_module.hpp"

namespace jw::units {
namespace {

// How often the server looks for restructures made by another process (the CLI): their officers' cached scopes
// are stale until then.
constexpr std::chrono::seconds kWatchEvery{2};

class UnitsModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "units"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        RegisterRoutes(parts.router, Deps{s.db, participants_, &s.sessions});
        auth::SessionService* sessions = &s.sessions;
        watch_.Start(s.db, kWatchEvery, [sessions] { sessions->Invalidate(); });
        parts.metrics.push_back([this] {
            return "# HELP jw_unit_structure_changes_seen_total Restructures noticed by polling (made by another "
                   "process or this one).\n# TYPE jw_unit_structure_changes_seen_total counter\n"
                   "jw_unit_structure_changes_seen_total " +
                   std::to_string(watch_.changes_seen()) + "\n";
        });
        return Status::Ok();
    }
    void Stop() override { watch_.Stop(); }
    void Attach(Participants participants) { participants_ = std::move(participants); }

  private:
    Participants participants_;
    StructureWatch watch_;
};

}  // namespace

void AttachParticipants(const std::vector<std::unique_ptr<modules::Module>>& all) {
    for (const auto& m : all)
        if (auto* units = dynamic_cast<UnitsModule*>(m.get())) units->Attach(CollectParticipants(all));
}

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<UnitsModule>(); }

}  // namespace jw::units
