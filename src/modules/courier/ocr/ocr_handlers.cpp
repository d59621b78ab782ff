#include "courier/ocr/ocr_handlers.hpp"

#include <memory>

#include "courier/ocr/id_card_reader.hpp"
#include "http/router.hpp"
#include "media/image_check.hpp"

namespace jw::courier {

void RegisterOcrRoutes(http::Router& router, std::shared_ptr<ocr::IdCardReader> reader) {
    // POST /api/v1/courier/ocr, body: the JPEG or PNG photo (Content-Type image/jpeg|image/png). The same JSON
    // as `jingwu courier ocr`; 404 {code: not_found} when no card is found; 503 {code: unavailable, detail:
    // ocr_model_missing, fields: {model: chi_sim}} on a server without the model (the clerk types the fields).
    // The photo is not kept: the clerk attaches the card photo, if at all, with the record.
    router.Add({"POST", "/api/v1/courier/ocr", "courier.ocr", "courier.ocr",
                [reader](http::Request& req) -> Result<http::Reply> {
                    if (!reader) return ocr::IdCardReader::MissingModel();
                    auto type = req.headers.find("content-type");
                    JW_ASSIGN_OR_RETURN(media::CheckedImage image,
                                        media::CheckImage(type == req.headers.end() ? "" : type->second, req.body));
                    JW_ASSIGN_OR_RETURN(ocr::IdCardReading r, reader->Read(image.bytes));
                    http::Reply reply;
                    reply.body = Json::parse(ocr::ToJson(r).dump());
                    reply.audit_object = "courier.ocr";
                    return reply;
                }});
}

}  // namespace jw::courier
