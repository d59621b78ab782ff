// The units module as the app sees it (modules/module.hpp): its migrations and permissions, its routes, and the
// participants of the other modules, handed over once all have started.
#include "modules/module.hpp"

#include "units/units_module.hpp"

namespace jw::units {
namespace {

class UnitsModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "units"; }
    const modules::EmbeddedFiles& Files() const override { return ModuleFiles(); }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        RegisterRoutes(parts.router, Deps{s.db, participants_, &s.sessions});
        return Status::Ok();
    }
    void Attach(Participants participants) { participants_ = std::move(participants); }

  private:
    Participants participants_;
};

}  // namespace

void AttachParticipants(const std::vector<std::unique_ptr<modules::Module>>& all) {
    for (const auto& m : all)
        if (auto* units = dynamic_cast<UnitsModule*>(m.get())) units->Attach(CollectParticipants(all));
}

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<UnitsModule>(); }

}  // namespace jw::units
