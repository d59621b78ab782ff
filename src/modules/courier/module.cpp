#include "modules/module.hpp"

#include <memory>

#include "courier/courier_handlers.hpp"
#include "courier/courier_keys.hpp"
#include "courier/demo.hpp"
#include "courier/ocr/id_card_reader.hpp"
#include "courier/ocr_handlers.hpp"
#include "courier/watch_adapter.hpp"

namespace jw::courier {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

class CourierModule final : public modules::Module {
  public:
    std::string_view Name() const override { return "courier"; }
    const modules::EmbeddedFiles& Files() const override { return data::EmbeddedFiles(); }
    Status Prepare(storage::Connection&, const modules::PrepareContext& ctx) override {
        InstallKeys(ctx.key);
        return Status::Ok();
    }
    Status SeedDemo(storage::Connection& tx, const modules::DemoContext& ctx) override {
        InstallKeys(ctx.key);
        return SeedCourierDemo(tx, ctx.now);
    }
    Status Start(const modules::Services& s, modules::ServerParts& parts) override {
        const Deps deps{s.db, MakeWatchCheck()};
        RegisterRecordRoutes(parts.router, deps);
        RegisterBulkRoutes(parts.router, deps);
        RegisterSupervisionRoutes(parts.router, deps);
        // The OCR model loads once (about half a second); requests run on the offloaded pool, not the network
        // threads, as each takes about a second of CPU.
        JW_ASSIGN_OR_RETURN(std::unique_ptr<ocr::IdCardReader> reader, ocr::IdCardReader::Open());
        RegisterOcrRoutes(parts.router, std::shared_ptr<ocr::IdCardReader>(std::move(reader)));
        parts.offloaded_actions.push_back("courier.ocr");
        return Status::Ok();
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<CourierModule>(); }

}  // namespace jw::courier
