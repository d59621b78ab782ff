#pragma once
// The OCR route of the counter (issue 17). The reader is shared by all requests (it serialises them).
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
