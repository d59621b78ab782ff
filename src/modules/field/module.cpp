// The field module (issue 15): the phone app's checks and cache key. Comes after community (the master index it
// looks people up in).
#include "modules/module.hpp"

#include "field/field_handlers.hpp"

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
        return Status::Ok();
    }
};
}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<FieldModule>(); }

}  // namespace jw::field
