#pragma once
// The courier counter's ID-card OCR (issue 17): a photo in, the card's fields out. Tesseract 5 with the chi_sim
// model alone (Debian tesseract-ocr-chi-sim), after the card is found, deskewed and cropped (card_image.hpp).
// ADR 0055 says why Tesseract in-process and not a service.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.hpp"
#include "courier/ocr/id_card.hpp"

namespace tesseract {
class TessBaseAPI;
}

namespace jw::courier::ocr {

class IdCardReader {
  public:
    // Loads chi_sim from `tessdata_dir` (empty: $TESSDATA_PREFIX, else Tesseract's default,
    // /usr/share/tesseract-ocr/5/tessdata). Error: MissingModel() when the model cannot be loaded (a machine
    // without tesseract-ocr-chi-sim): the server still starts and the OCR route answers that error.
    static Result<std::unique_ptr<IdCardReader>> Open(const std::string& tessdata_dir = "");
    // Unavailable "ocr_model_missing", fields {model: "chi_sim"} (HTTP 503; the catalogue's words say what to install).
    static Status MissingModel();
    ~IdCardReader();

    // Reads one card photo (JPEG or PNG bytes). Errors: InvalidArgument("image", "unreadable"); NotFound("card")
    // when no card is in the photo or nothing on it reads as a card's field (no number and no name).
    // Thread-safe: calls are serialised on the one engine (about a second each on this machine).
    Result<IdCardReading> Read(std::string_view image_bytes);

  private:
    IdCardReader() = default;
    std::mutex mu_;
    std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace jw::courier::ocr
