#include "modules/module.hpp"

#include <spdlog/spdlog.h>

#include <memory>

#include "courier/courier_handlers.hpp"
#include "courier/courier_keys.hpp"
#include "courier/demo.hpp"
#include "courier/ocr/id_card_reader.hpp"
#include "courier/ocr/ocr_handlers.hpp"
#include "courier/records/watch_adapter.hpp"

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
        const Deps deps{s.db, MakeWatchCheck(), MakeWatchPrefilter(), &s.sessions};
        RegisterRecordRoutes(parts.router, deps, s.key);
        RegisterBulkRoutes(parts.router, deps);
        RegisterSupervisionRoutes(parts.router, deps);
        RegisterPhotoRoutes(parts.router, deps, s.key);
        RegisterInspectionRoutes(parts.router, deps);
        RegisterStaffRoutes(parts.router, deps);
        // The OCR model loads once (about half a second); requests run on the offloaded pool, not the network
        // threads, as each takes about a second of CPU. Without the model (a machine without
        // tesseract-ocr-chi-sim, a bureau that has no counters) everything else works: the route answers 503.
        std::shared_ptr<ocr::IdCardReader> reader;
        if (auto opened = ocr::IdCardReader::Open(); opened.ok())
            reader = std::move(opened).value();
        else
            spdlog::warn(
                "courier: ID-card OCR off, Tesseract model chi_sim not found (install tesseract-ocr-chi-sim "
                "and restart); POST /api/v1/courier/ocr answers 503 ocr_model_missing");
        RegisterOcrRoutes(parts.router, std::move(reader));
        parts.offloaded_actions.push_back("courier.ocr");
        return Status::Ok();
    }
};

}  // namespace

std::unique_ptr<modules::Module> MakeModule() { return std::make_unique<CourierModule>(); }

}  // namespace jw::courier
