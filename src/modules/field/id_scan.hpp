#pragma once
// The phone check's camera ID scan (issue 15, ADR 0064): POST /api/v1/field/id-scan, the photo of a resident ID
// card in (image/jpeg or image/png), the 18-character number out — {id_number, valid, confidence} and nothing
// else from the card (the check needs the number; name, address and the rest stay unread by this route).
// The reading is the courier counter's OCR (courier/ocr/id_card_reader.hpp, ADR 0055), reused, not copied: an
// engine of its own, opened at the first scan (no start-up cost on servers whose officers never scan; counter
// clerks and officers do not wait for each other). Permission field.check, audited as field.id_scan; the photo
// is not kept. Errors: 400 image unreadable; 404 not_found "id_card_unreadable" when no number can be read
// (the catalogue's words: retake or type it); 503 ocr_model_missing without the Tesseract model.
#include "http/router.hpp"

namespace jw::field {

void RegisterIdScanRoute(http::Router& router);

}  // namespace jw::field
