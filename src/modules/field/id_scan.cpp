#include "field/id_scan.hpp"

#include <cmath>
#include <memory>
#include <mutex>

#include "common/validators.hpp"
#include "courier/ocr/id_card_reader.hpp"
#include "media/image_check.hpp"

namespace jw::field {

namespace {

// The engine, opened once on first use; null when the model is missing (then every scan answers 503 until the
// server restarts with the model installed, as the courier route does).
class LazyReader {
  public:
    courier::ocr::IdCardReader* Get() {
        std::call_once(once_, [this] {
            if (auto opened = courier::ocr::IdCardReader::Open(); opened.ok()) reader_ = std::move(opened).value();
        });
        return reader_.get();
    }

  private:
    std::once_flag once_;
    std::unique_ptr<courier::ocr::IdCardReader> reader_;
};

}  // namespace

void RegisterIdScanRoute(http::Router& router) {
    auto reader = std::make_shared<LazyReader>();
    router.Add({"POST", "/api/v1/field/id-scan", "field.check", "field.id_scan",
                [reader](http::Request& req) -> Result<http::Reply> {
                    courier::ocr::IdCardReader* engine = reader->Get();
                    if (!engine) return courier::ocr::IdCardReader::MissingModel();
                    auto type = req.headers.find("content-type");
                    JW_ASSIGN_OR_RETURN(media::CheckedImage image,
                                        media::CheckImage(type == req.headers.end() ? "" : type->second, req.body));
                    auto reading = engine->Read(image.bytes);
                    // No card, or a card without a readable number: words that say what to do, not "no record".
                    if ((!reading.ok() && reading.status().code() == ErrorCode::kNotFound) ||
                        (reading.ok() && reading.value().id_number.empty()))
                        return Status(ErrorCode::kNotFound, "id_card_unreadable");
                    if (!reading.ok()) return reading.status();
                    const auto& r = reading.value();
                    auto c = r.confidence.find("id_number");
                    http::Reply reply;
                    reply.body = {{"id_number", r.id_number},
                                  {"valid", CheckIdNumber(r.id_number).ok()},
                                  {"confidence", std::round((c == r.confidence.end() ? 0.0 : c->second) * 100) / 100}};
                    reply.audit_object = "field.id_scan";
                    return reply;
                }});
}

}  // namespace jw::field
