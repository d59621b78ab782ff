#pragma once
// The OCR route of the counter (issue 17). The reader is shared by all requests (it serialises them); a null
// reader (the model is not installed) makes the route answer IdCardReader::MissingModel(), 503.
#include <memory>

namespace jw::http {
class Router;
}
namespace jw::courier::ocr {
class IdCardReader;
}

namespace jw::courier {
void RegisterOcrRoutes(http::Router& router, std::shared_ptr<ocr::IdCardReader> reader);
}
